package com.leadflow.benchmark;

import com.leadflow.benchmark.BenchmarkResult.StepResult;
import com.leadflow.benchmark.BenchmarkResult.TimelinePoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two pictures of a run: where latency goes as the rate rises, and how the run unfolded second by second. */
final class Plots {

  static final String LATENCY_VS_RATE = "latency-vs-rate.png";
  static final String TIMELINE = "timeline.png";
  static final int WIDTH = 1200;
  static final int HEIGHT = 700;

  static {
    // no display on a build or benchmark machine; must be set before AWT first loads
    System.setProperty("java.awt.headless", "true");
  }

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color TARGET = new Color(0xB0, 0x30, 0x30);
  private static final Paint[] PALETTE = {
      new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E), new Color(0x2C, 0xA0, 0x2C),
      new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B)};

  private Plots() {}

  /** Writes both PNGs into {@code folder}; returns their paths. */
  static List<Path> write(BenchmarkResult result, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path latency = folder.resolve(LATENCY_VS_RATE);
    Path timeline = folder.resolve(TIMELINE);
    ChartUtils.saveChartAsPNG(latency.toFile(), latencyVsRate(result), WIDTH, HEIGHT);
    ChartUtils.saveChartAsPNG(timeline.toFile(), timeline(result), WIDTH, HEIGHT);
    return List.of(latency, timeline);
  }

  /**
   * Percentiles against the offered rate on a log scale, so 5 ms and 5 s both stay readable, with
   * the issue's targets drawn in. A percentile nothing was measured for is left out, not drawn as 0.
   */
  static JFreeChart latencyVsRate(BenchmarkResult result) {
    List<StepResult> steps = result.steps() == null ? List.of() : result.steps();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("submit p50", steps, s -> s.submit() == null ? Double.NaN : s.submit().p50()));
    data.addSeries(series("submit p99", steps, s -> s.submit() == null ? Double.NaN : s.submit().p99()));
    data.addSeries(series("submit p99.9", steps, s -> s.submit() == null ? Double.NaN : s.submit().p999()));
    data.addSeries(series("review p99", steps, s -> stageP99(s, "review")));
    data.addSeries(series("insurance p99", steps, s -> stageP99(s, "insurance")));
    data.addSeries(series("match p99", steps, s -> stageP99(s, "match")));

    NumberAxis rate = new NumberAxis("offered leads/s");
    rate.setAutoRangeIncludesZero(false);
    rate.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    LogAxis millis = new MillisAxis("milliseconds (log scale)");
    // the targets must show even when every point is far from them, and log scale cannot show 0
    double low = Targets.SUBMIT_P99_MS;
    double high = Targets.STAGE_P99_MS;
    for (int i = 0; i < data.getSeriesCount(); i++) {
      for (int j = 0; j < data.getItemCount(i); j++) {
        low = Math.min(low, data.getYValue(i, j));
        high = Math.max(high, data.getYValue(i, j));
      }
    }
    millis.setRange(low / 2, high * 2);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, rate, millis, renderer);
    styleSeries(renderer, data.getSeriesCount());
    plot.addRangeMarker(target(Targets.SUBMIT_P99_MS, "submit p99 target"), Layer.BACKGROUND);
    plot.addRangeMarker(target(Targets.STAGE_P99_MS, "review / insurance p99 target"), Layer.BACKGROUND);
    return chart("Latency against offered rate", plot);
  }

  /**
   * The run second by second: what was offered (as steps), what intake accepted and what the
   * stages recorded on the left; the backlog on its own axis at the right, since it can run to
   * thousands while rates stay in the hundreds.
   */
  static JFreeChart timeline(BenchmarkResult result) {
    List<TimelinePoint> points = result.timeline() == null ? List.of() : result.timeline();
    XYSeriesCollection rates = new XYSeriesCollection();
    rates.addSeries(timeSeries("accepted/s", points, TimelinePoint::accepted));
    rates.addSeries(timeSeries("stages recorded/s", points, TimelinePoint::stagesRecorded));
    if (points.stream().anyMatch(p -> p.failed() > 0)) {
      rates.addSeries(timeSeries("failed or shed/s", points, TimelinePoint::failed));
    }
    XYSeriesCollection offered = new XYSeriesCollection(
        timeSeries("offered/s", points, TimelinePoint::offeredPerSecond));
    XYSeriesCollection backlog = new XYSeriesCollection(
        timeSeries("backlog (lag + outbox)", points, p -> p.consumerLag() + p.outboxPending()));

    NumberAxis seconds = new NumberAxis("seconds since start");
    seconds.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis perSecond = new NumberAxis("per second");
    NumberAxis events = new NumberAxis("backlog, events");

    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    styleSeries(lines, rates.getSeriesCount());
    XYPlot plot = new XYPlot(rates, seconds, perSecond, lines);

    XYStepRenderer steps = new XYStepRenderer();
    steps.setSeriesPaint(0, Color.GRAY);
    steps.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {8f, 5f}, 0f));
    plot.setDataset(1, offered);
    plot.setRenderer(1, steps);
    plot.mapDatasetToRangeAxis(1, 0);

    XYLineAndShapeRenderer backlogLine = new XYLineAndShapeRenderer(true, false);
    backlogLine.setSeriesPaint(0, PALETTE[3]);
    backlogLine.setSeriesStroke(0, new BasicStroke(2.5f));
    // coloured like its line, so the right axis is not read for the left one's series
    events.setLabelPaint(PALETTE[3]);
    events.setTickLabelPaint(PALETTE[3]);
    plot.setRangeAxis(1, events);
    plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
    plot.setDataset(2, backlog);
    plot.setRenderer(2, backlogLine);
    plot.mapDatasetToRangeAxis(2, 1);
    return chart("Throughput and backlog over the run", plot);
  }

  private static XYSeries series(String name, List<StepResult> steps, Function<StepResult, Double> value) {
    XYSeries series = new XYSeries(name);
    for (StepResult step : steps) {
      double y = value.apply(step);
      if (Double.isFinite(y) && y > 0) {
        series.add(step.offeredPerSecond(), y);
      }
    }
    return series;
  }

  private static XYSeries timeSeries(String name, List<TimelinePoint> points, ToLongFunction<TimelinePoint> value) {
    XYSeries series = new XYSeries(name);
    points.forEach(point -> series.add(point.second(), value.applyAsLong(point)));
    return series;
  }

  private static double stageP99(StepResult step, String stage) {
    Map<String, LatencySummary> stages = step.stages() == null ? Map.of() : step.stages();
    LatencySummary summary = stages.get(stage);
    return summary == null ? Double.NaN : summary.p99();
  }

  private static void styleSeries(XYLineAndShapeRenderer renderer, int count) {
    for (int i = 0; i < count; i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
  }

  private static ValueMarker target(double millis, String label) {
    ValueMarker marker = new ValueMarker(millis, TARGET, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    marker.setLabel(label + " < " + ResultsMarkdown.limit(millis) + " ms");
    marker.setLabelFont(LABEL);
    marker.setLabelPaint(TARGET);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return marker;
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      style(plot.getRangeAxis(i));
    }
    style(plot.getDomainAxis());
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LEGEND);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** A log axis ticked at 1, 2 and 5 of each decade; LogAxis's own ticks fall on values like 6,309.573. */
  private static final class MillisAxis extends LogAxis {

    private static final DecimalFormat FORMAT = new DecimalFormat("#,##0.###");

    MillisAxis(String label) {
      super(label);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
      Range range = getRange();
      TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
      List<ValueTick> ticks = new ArrayList<>();
      int last = (int) Math.ceil(Math.log10(range.getUpperBound()));
      for (int decade = (int) Math.floor(Math.log10(range.getLowerBound())); decade <= last; decade++) {
        for (int mantissa : new int[] {1, 2, 5}) {
          double value = mantissa * Math.pow(10, decade);
          if (range.contains(value)) {
            ticks.add(new NumberTick(TickType.MAJOR, value, FORMAT.format(value), anchor, TextAnchor.CENTER, 0));
          }
        }
      }
      return ticks;
    }
  }

  private static void style(ValueAxis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICKS);
  }
}
