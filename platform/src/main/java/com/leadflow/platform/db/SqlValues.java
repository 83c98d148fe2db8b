package com.leadflow.platform.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Binding values that may be null, and reading times back, the same way on PostgreSQL and H2
 * (both drivers need the type of a null, and hand times back as {@link OffsetDateTime}).
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    public static GenericExecuteSpec bindEnum(GenericExecuteSpec spec, String name, Enum<?> value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value.name());
    }

    public static GenericExecuteSpec bindTime(GenericExecuteSpec spec, String name, Instant value) {
        return value == null ? spec.bindNull(name, OffsetDateTime.class) : spec.bind(name, utc(value));
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
