package com.leadflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes a run's results into one folder: {@code results.json} for tools and later comparison,
 * {@code results.md} for a reader, and the plots. The JSON comes first so the numbers are on disk
 * even if rendering the rest fails.
 */
final class ResultsWriter {

  static final String JSON = "results.json";
  static final String MARKDOWN = "results.md";

  /**
   * JSON has no NaN: a latency nothing was measured for ({@link LatencySummary#EMPTY}) is written
   * as null and read back as NaN. Properties keep the records' order, which reads better than
   * Jackson 3's alphabetical default.
   */
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("nan-as-null")
          .addSerializer(Double.class, new NanAsNull())
          .addSerializer(Double.TYPE, new NanAsNull())
          .addDeserializer(Double.class, new NullAsNan())
          .addDeserializer(Double.TYPE, new NullAsNan()))
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ResultsWriter() {}

  /** Writes results.json, results.md and the plots into {@code folder}, creating it if needed. */
  static void write(BenchmarkResult result, Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(JSON), toJson(result), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(MARKDOWN), ResultsMarkdown.render(result), StandardCharsets.UTF_8);
    Plots.write(result, folder);
  }

  /** Reads a results.json back, NaN where it has null latencies. */
  static BenchmarkResult read(Path json) throws IOException {
    try {
      return MAPPER.readValue(json.toFile(), BenchmarkResult.class);
    } catch (JacksonException e) {
      throw new IOException("cannot read " + json + ": " + e.getOriginalMessage(), e);
    }
  }

  static String toJson(BenchmarkResult result) {
    return MAPPER.writeValueAsString(result) + "\n";
  }

  private static final class NanAsNull extends ValueSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
      if (value.isNaN() || value.isInfinite()) {
        generator.writeNull();
      } else {
        generator.writeNumber(value);
      }
    }
  }

  private static final class NullAsNan extends ValueDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        // what Jackson writes for NaN by default, should a file come from elsewhere
        return Double.valueOf(parser.getString());
      }
      return parser.getDoubleValue();
    }

    @Override
    public Double getNullValue(DeserializationContext context) {
      return Double.NaN;
    }
  }
}
