package nl.vermissing.allinone.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A tiny generated placeholder photo (PNG): a plain silhouette on a coloured background, so that the demo shows how
 * a photo travels (grab pack, missing report, audited police access) without a picture of any real person. Written
 * byte by byte (no AWT), so it also works on a headless, slimmed-down runtime.
 */
public final class DemoPhoto {

  static final int SIZE = 96;
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private DemoPhoto() {}

  /** A silhouette on a background of the given colour (0xRRGGBB). */
  public static byte[] silhouette(int background) {
    int[] bg = rgb(background);
    int[] figure = {0x45, 0x4a, 0x55};
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int y = 0; y < SIZE; y++) {
      raw.write(0); // filter: none
      for (int x = 0; x < SIZE; x++) {
        int[] colour = inFigure(x, y) ? figure : bg;
        raw.write(colour[0]);
        raw.write(colour[1]);
        raw.write(colour[2]);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(SIGNATURE);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    writeInt(header, SIZE);
    writeInt(header, SIZE);
    header.writeBytes(new byte[] {8, 2, 0, 0, 0}); // 8 bits per channel, RGB, deflate, no filter, no interlace
    chunk(png, "IHDR", header.toByteArray());
    chunk(png, "IDAT", deflate(raw.toByteArray()));
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** Head (a circle) and shoulders (the top of a larger circle). */
  private static boolean inFigure(int x, int y) {
    double c = SIZE / 2.0;
    double head = Math.hypot(x - c, y - SIZE * 0.38);
    double shoulders = Math.hypot((x - c) * 0.8, y - SIZE * 1.05);
    return head < SIZE * 0.18 || (shoulders < SIZE * 0.42 && y > SIZE * 0.6);
  }

  private static int[] rgb(int colour) {
    return new int[] {(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff};
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    writeInt(png, data.length);
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    writeInt(png, (int) crc.getValue());
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
