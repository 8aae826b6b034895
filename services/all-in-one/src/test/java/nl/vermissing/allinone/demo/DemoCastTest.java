package nl.vermissing.allinone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The demo's fictitious data is valid input for the system and clearly marked as fictitious. */
class DemoCastTest {

  @Test
  void fictitiousBsnsPassTheElevenTestAndAreDistinct() {
    List<String> series = FictitiousBsn.series(20);

    assertThat(series).hasSize(20).doesNotHaveDuplicates().allSatisfy(bsn -> {
      assertThat(bsn).hasSize(9).startsWith("9999");
      assertThat(FictitiousBsn.passesElfproef(bsn)).isTrue();
    });
    // a number from the list with one digit changed fails the test
    String first = series.get(0);
    String changed = first.substring(0, 8) + ((first.charAt(8) - '0' + 1) % 10);
    assertThat(FictitiousBsn.passesElfproef(changed)).isFalse();
    assertThat(FictitiousBsn.passesElfproef("111222333")).isTrue(); // the example of the intake API
    assertThat(FictitiousBsn.passesElfproef("000000000")).isFalse();
  }

  @Test
  void everyYouthIsMarkedAsDemoAndTheCastCoversTheThreeInstitutions() {
    List<DemoYouth> cast = DemoYouth.cast();

    assertThat(cast).allSatisfy(y -> assertThat(y.familyName()).endsWith(DemoYouth.MARKER));
    assertThat(cast).extracting(DemoYouth::key).doesNotHaveDuplicates();
    assertThat(new HashSet<>(cast.stream().map(DemoYouth::institutionId).toList()))
        .containsExactlyInAnyOrder("inst-horizon", "inst-anker", "inst-vuurtoren");
    LocalDate today = LocalDate.of(2026, 11, 22);
    DemoYouth lieke = cast.stream().filter(y -> y.key().equals("lieke")).findFirst().orElseThrow();
    assertThat(lieke.dateOfBirth(today)).isBefore(today.minusYears(17)).isAfter(today.minusYears(18));
  }

  @Test
  void thePlaceholderPhotoIsAValidSmallPng() throws Exception {
    byte[] png = DemoPhoto.silhouette(0x9ecae1);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(DemoPhoto.SIZE);
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0x9ecae1);
    assertThat(image.getRGB(DemoPhoto.SIZE / 2, (int) (DemoPhoto.SIZE * 0.38)) & 0xffffff).isEqualTo(0x454a55);
    assertThat(png.length).isLessThan(4096);
  }

  @Test
  void aRateLimitedSignInIsRetriedAfterTheWindowAndTheTokenIsReused() {
    AtomicInteger attempts = new AtomicInteger();
    DemoSessions sessions = new DemoSessions("http://localhost:1", (base, user) -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("sign-in refused for " + user + " (429)");
      }
      return "token-of-" + user;
    }, Duration.ofMillis(10));

    assertThat(sessions.token("staf.horizon")).isEqualTo("token-of-staf.horizon");
    assertThat(sessions.token("staf.horizon")).isEqualTo("token-of-staf.horizon");
    assertThat(attempts).hasValue(2);

    DemoSessions refused = new DemoSessions("http://localhost:1", (base, user) -> {
      throw new IllegalStateException("sign-in refused for " + user);
    }, Duration.ofMillis(10));
    assertThatThrownBy(() -> refused.token("staf.horizon")).hasMessageContaining("refused");
  }
}
