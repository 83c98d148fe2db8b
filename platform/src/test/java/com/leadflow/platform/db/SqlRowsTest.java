package com.leadflow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SqlRowsTest {

    @Test
    void anyNumberOfRowsGoesInChunksOfFourShapesKeepingEveryRowInOrder() {
        List<Integer> rows = IntStream.range(0, 87).boxed().toList();
        List<List<Integer>> chunks = SqlRows.chunks(rows);
        assertThat(chunks).extracting(List::size).containsExactly(64, 16, 4, 1, 1, 1);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(rows);
        assertThat(SqlRows.chunks(List.of())).isEmpty();
    }

    @Test
    void eachRowGetsItsOwnParameterNames() {
        assertThat(SqlRows.values(3, "(:id#, cast(:at# as uuid))"))
                .isEqualTo("(:id0, cast(:at0 as uuid)), (:id1, cast(:at1 as uuid)), (:id2, cast(:at2 as uuid))");
    }
}
