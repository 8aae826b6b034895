package nl.vermissing.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhotoSnifferTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

  @Test
  void recognisesJpegAndPngByContent() {
    assertThat(PhotoSniffer.check(JPEG)).isEqualTo("image/jpeg");
    assertThat(PhotoSniffer.check(PNG)).isEqualTo("image/png");
  }

  @Test
  void refusesContentThatIsNotAnImageWhateverItClaims() {
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PhotoSniffer.check(html)).isInstanceOf(DomainViolation.class)
        .hasMessageContaining("not a JPEG or PNG");
    byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
    assertThat(PhotoSniffer.sniff(gif)).isNull();
    assertThat(PhotoSniffer.sniff(new byte[] {(byte) 0x89, 'P'})).isNull();
  }

  @Test
  void refusesEmptyAndOversizedPhotos() {
    assertThatThrownBy(() -> PhotoSniffer.check(new byte[0])).isInstanceOf(DomainViolation.class);
    byte[] big = new byte[PhotoSniffer.MAX_BYTES + 1];
    System.arraycopy(JPEG, 0, big, 0, JPEG.length);
    assertThatThrownBy(() -> PhotoSniffer.check(big)).isInstanceOf(DomainViolation.class)
        .hasMessageContaining("too large")
        .extracting(e -> ((DomainViolation) e).field()).isEqualTo("photo");
    byte[] limit = new byte[PhotoSniffer.MAX_BYTES];
    System.arraycopy(JPEG, 0, limit, 0, JPEG.length);
    assertThat(PhotoSniffer.check(limit)).isEqualTo("image/jpeg");
  }
}
