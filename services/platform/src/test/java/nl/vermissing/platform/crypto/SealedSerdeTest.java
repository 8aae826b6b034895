package nl.vermissing.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedSerdeTest {

  @TempDir
  Path dir;

  @Test
  void aSealedValueReadsBackUntilTheYouthIsErased() {
    DataKeyStore keys = new FileDataKeyStore(dir, MasterKeys.generate());
    SealedSerde<String> serde = new SealedSerde<>(Serdes.String(), v -> v.split("\\|")[0], keys);

    byte[] stored = serde.serializer().serialize("store", "youth-1|Plantwaarde-Jansen");
    byte[] other = serde.serializer().serialize("store", "youth-2|Andere-Waarde");

    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Plantwaarde");
    assertThat(serde.deserializer().deserialize("store", stored)).isEqualTo("youth-1|Plantwaarde-Jansen");

    keys.erase("youth-1");

    assertThat(serde.deserializer().deserialize("store", stored)).isNull();
    assertThat(serde.deserializer().deserialize("store", other)).isEqualTo("youth-2|Andere-Waarde");
  }

  @Test
  void valuesWithoutASubjectAndLegacyPlaintextPassThrough() {
    DataKeyStore keys = new FileDataKeyStore(dir, MasterKeys.generate());
    SealedSerde<String> serde = new SealedSerde<>(Serdes.String(), v -> null, keys);

    byte[] stored = serde.serializer().serialize("store", "timer");

    assertThat(stored).isEqualTo("timer".getBytes(StandardCharsets.UTF_8));
    assertThat(serde.deserializer().deserialize("store", stored)).isEqualTo("timer");
  }

  @Test
  void forgettingAViewRecordBlanksEveryPersonalField() {
    var alert = nl.vermissing.events.PoliceCaseData.newBuilder().setGivenName("Plantwaarde")
        .setPhoto(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3})).setRegion("flevoland").build();

    var forgotten = FieldEncryption.withoutPersonalData(alert);

    assertThat(forgotten.getGivenName()).isNull();
    assertThat(forgotten.getPhoto()).isNull();
    assertThat(forgotten.getRegion()).isEqualTo("flevoland");
    assertThat(alert.getGivenName()).isEqualTo("Plantwaarde");
  }
}
