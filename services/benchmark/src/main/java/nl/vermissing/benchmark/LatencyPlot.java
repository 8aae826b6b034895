package nl.vermissing.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The latency distributions as cumulative curves (share of alerts seen within x ms), drawn with plain Java2D: the red
 * alert and the cancel as the police client sees them, and the raw Kafka floor of the same hops.
 */
final class LatencyPlot {

  private static final int WIDTH = 960;
  private static final int HEIGHT = 540;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;

  record Series(String name, long[] nanos, Color color) {}

  private LatencyPlot() {}

  static void write(Path file, String title, List<Series> series) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);

    double maxMs = 1;
    for (Series s : series) {
      if (s.nanos().length > 0) {
        long[] sorted = s.nanos().clone();
        Arrays.sort(sorted);
        // the axis ends a little beyond the 99.5th percentile: a single outlier would flatten every curve
        maxMs = Math.max(maxMs, LatencySummary.percentile(sorted, 0.995) / 1e6);
      }
    }
    double xMax = niceCeiling(maxMs * 1.15);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 30);

    // grid and axes
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 10; i++) {
      double x = xMax * i / 10;
      int px = LEFT + (int) Math.round(plotW * i / 10.0);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(px, TOP, px, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      String label = x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
    }
    for (int i = 0; i <= 10; i++) {
      int py = TOP + plotH - (int) Math.round(plotH * i / 10.0);
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT, py, LEFT + plotW, py);
      g.setColor(Color.DARK_GRAY);
      String label = (i * 10) + "%";
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    g.drawString("latency (ms); samples beyond the axis are drawn at its right edge", LEFT + plotW / 2 - 170,
        HEIGHT - 25);
    g.drawString("share received", 10, TOP - 10);

    // curves
    int legendY = TOP + plotH - 20 - 20 * series.size();
    for (Series s : series) {
      long[] sorted = s.nanos().clone();
      Arrays.sort(sorted);
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2.2f));
      int prevX = LEFT;
      int prevY = TOP + plotH;
      for (int i = 0; i < sorted.length; i++) {
        int px = LEFT + (int) Math.round(Math.min(1, sorted[i] / 1e6 / xMax) * plotW);
        int py = TOP + plotH - (int) Math.round((double) (i + 1) / sorted.length * plotH);
        g.drawLine(prevX, prevY, px, prevY);
        g.drawLine(px, prevY, px, py);
        prevX = px;
        prevY = py;
      }
      LatencySummary summary = LatencySummary.ofNanos(sorted);
      g.setStroke(new BasicStroke(1f));
      String text = String.format(Locale.ROOT, "%s  (n=%d, p50 %.1f, p99 %.1f, max %.1f ms)", s.name(),
          summary.count(), summary.p50(), summary.p99(), summary.max());
      int lx = LEFT + plotW - 40 - g.getFontMetrics().stringWidth(text);
      g.fillRect(lx, legendY - 9, 22, 4);
      g.setColor(Color.BLACK);
      g.drawString(text, lx + 30, legendY);
      legendY += 20;
    }
    g.dispose();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static double niceCeiling(double v) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
