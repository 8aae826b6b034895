package nl.vermissing.intake.domain;

/**
 * A profile photo is accepted only if its CONTENT is a JPEG or PNG image (magic bytes), whatever type the client
 * declared, and only up to {@link #MAX_BYTES}.
 */
public final class PhotoSniffer {

  /** 2 MiB. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private PhotoSniffer() {}

  /** The media type of the image (image/jpeg or image/png), or a violation of field {@code photo}. */
  public static String check(byte[] content) {
    if (content == null || content.length == 0) {
      throw new DomainViolation("photo", "photo is empty");
    }
    if (content.length > MAX_BYTES) {
      throw new DomainViolation("photo", "photo too large (at most " + MAX_BYTES + " bytes)");
    }
    String type = sniff(content);
    if (type == null) {
      throw new DomainViolation("photo", "photo is not a JPEG or PNG image");
    }
    return type;
  }

  /** image/jpeg or image/png by magic bytes; null otherwise. */
  public static String sniff(byte[] content) {
    if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
        && (content[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (content.length >= PNG.length) {
      for (int i = 0; i < PNG.length; i++) {
        if (content[i] != PNG[i]) {
          return null;
        }
      }
      return "image/png";
    }
    return null;
  }
}
