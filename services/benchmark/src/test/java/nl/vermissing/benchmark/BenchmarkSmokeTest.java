package nl.vermissing.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark command in miniature, so that it cannot rot: the whole system starts, a few red absences reach the
 * police feed and are cancelled, the floor runs, two throughput steps and a small replay through every topology run,
 * and the results come out as valid JSON, a Markdown section and a PNG with sane, non-zero figures.
 */
class BenchmarkSmokeTest {

  @TempDir
  Path out;

  @Test
  void aTinyRunProducesSaneResults() throws Exception {
    Path doc = out.resolve("performance.md");
    Files.writeString(doc, "# Performance\n\nHand-written analysis stays.\n");
    BenchmarkOptions tiny = new BenchmarkOptions("smoke", 20, 20, 2, 5, List.of(20, 40), 1, 64, 2_000,
        BenchmarkOptions.ALL_PHASES, out.resolve("results.json"), doc, out.resolve("performance-latency.png"));

    Results results = new Benchmark(tiny).run();

    // Then every phase measured something real
    assertThat(results.startup().jvmLaunchToHealthyMillis()).isPositive();
    assertThat(results.startup().startCallToHealthyMillis()).isPositive();
    AlertLatencyPhase.Result latency = results.latency();
    assertThat(latency.lost()).isZero();
    assertThat(latency.alert().count()).isEqualTo(20);
    assertThat(latency.cancel().count()).isEqualTo(20);
    assertThat(latency.floor().count()).isEqualTo(20);
    assertThat(latency.alert().p50()).isPositive().isLessThanOrEqualTo(latency.alert().p99());
    assertThat(latency.floor().p50()).isPositive();
    assertThat(latency.cancel().p50()).isPositive();
    assertThat(latency.p99Ratio()).isPositive();
    assertThat(latency.recordSizes().absence()).isGreaterThan(100);
    assertThat(latency.recordSizes().alert()).isGreaterThan(100);
    assertThat(results.throughput().steps()).isNotEmpty()
        .allSatisfy(step -> assertThat(step.achievedPerSecond()).isPositive());
    assertThat(results.replay().topologies()).hasSize(3).allSatisfy(t -> {
      assertThat(t.caseEvents()).isEqualTo(2_000);
      assertThat(t.inputRecords()).isGreaterThanOrEqualTo(2_000);
      assertThat(t.recordsPerSecond()).isPositive();
    });
    assertThat(results.memoryAfterSystemPhases().residentMiB()).isPositive();
    assertThat(results.goals()).hasSize(5);
    assertThat(results.throughput().cpuByThreads()).isNotEmpty();

    // And the JSON is valid and carries the figures
    JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("results.json")));
    assertThat(json.path("latency").path("alert").path("p99").asDouble()).isPositive();
    assertThat(json.path("latency").path("floor").path("count").asInt()).isEqualTo(20);
    assertThat(json.path("machine").path("cores").asInt()).isPositive();
    assertThat(json.path("replay").path("topologies").size()).isEqualTo(3);

    // And the document keeps its own text around the generated tables, and the plot is an image
    String md = Files.readString(doc);
    assertThat(md).startsWith("# Performance\n\nHand-written analysis stays.")
        .contains(PerformanceDoc.begin("latency"), PerformanceDoc.end("replay"), "| Red alert: staff request",
            "performance-latency.png");
    BufferedImage plot = ImageIO.read(out.resolve("performance-latency.png").toFile());
    assertThat(plot.getWidth()).isEqualTo(960);
  }
}
