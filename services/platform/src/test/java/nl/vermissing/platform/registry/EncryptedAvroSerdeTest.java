package nl.vermissing.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vermissing.catalogue.Topic;
import nl.vermissing.catalogue.Topics;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.Contact;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.PoliceCaseData;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.SharingStage;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.events.YouthSnapshot;
import nl.vermissing.platform.crypto.DataKeyStore;
import nl.vermissing.platform.crypto.DataKeyStores;
import nl.vermissing.platform.crypto.EncryptionConfig;
import nl.vermissing.platform.crypto.FieldEncryption;
import nl.vermissing.platform.crypto.PersonalDataWithoutSubjectException;
import nl.vermissing.platform.crypto.PersonalRecords;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serdes with field encryption on: what reaches Kafka (topics, changelogs, stores) holds no readable data. */
class EncryptedAvroSerdeTest {

  private final String scope = "encrypted-serde-" + UUID.randomUUID();

  @TempDir
  Path dataDir;

  private Map<String, Object> config;

  @BeforeEach
  void configure() {
    config = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        AvroSerdeConfig.ENCRYPTION_ENABLED, "true",
        AvroSerdeConfig.ENCRYPTION_KEY_DIR, dataDir.resolve("keys/data").toString(),
        AvroSerdeConfig.ENCRYPTION_MASTER_KEY_FILE, dataDir.resolve("keys/master.json").toString());
  }

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistryClient.dropScope(scope);
  }

  @Test
  void caseEventRoundTripsAndItsBytesHoldNoPlantedValue() throws IOException {
    CaseEvent event = PersonalRecords.absenceReported("case-1", "youth-1");

    byte[] bytes = roundTripChecked(Topics.CASE_EVENTS, event);

    GenericRecord plain = plainAvro(bytes, CaseEvent.getClassSchema());
    GenericRecord youth = (GenericRecord) ((GenericRecord) plain.get("payload")).get("youth");
    assertThat(youth.get("givenName").toString()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat(((GenericRecord) ((List<?>) youth.get("contacts")).get(0)).get("phone").toString())
        .startsWith(FieldEncryption.STRING_PREFIX);
    ByteBuffer photo = (ByteBuffer) youth.get("photo");
    assertThat(new String(photo.array(), photo.position(), 4, StandardCharsets.US_ASCII)).isEqualTo("ENC1");
    assertThat(plain.get("caseId").toString()).isEqualTo("case-1");
    assertThat(youth.get("nationalPseudonym").toString()).isEqualTo("np-42");
  }

  @Test
  void youthProfileRoundTripsAndItsBytesHoldNoPlantedValue() throws IOException {
    YouthProfileVersion profile = PersonalRecords.profile("youth-2");

    byte[] bytes = roundTripChecked(Topics.YOUTH_PROFILES, profile);

    GenericRecord plain = plainAvro(bytes, YouthProfileVersion.getClassSchema());
    assertThat(plain.get("bsn").toString()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat((List<?>) plain.get("phoneNumbers")).hasSize(2)
        .allSatisfy(phone -> assertThat(phone.toString()).startsWith(FieldEncryption.STRING_PREFIX));
  }

  @Test
  void policeAlertRoundTripsAndItsBytesHoldNoPlantedValue() throws IOException {
    PoliceAlert alert = PersonalRecords.policeAlert("case-3", "youth-3");

    byte[] bytes = roundTripChecked(Topics.POLICE_ALERTS, alert);

    GenericRecord data = (GenericRecord) plainAvro(bytes, PoliceAlert.getClassSchema()).get("data");
    assertThat(data.get("familyName").toString()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat(data.get("safetyMedicalNeeds").toString()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat(data.get("riskLevel").toString()).isEqualTo("RED");
  }

  @Test
  void withoutEncryptionThePlantedValuesAreThereSoTheSearchCanFail() {
    Map<String, Object> plainConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    CaseEvent event = PersonalRecords.absenceReported("case-4", "youth-4");
    YouthProfileVersion profile = PersonalRecords.profile("youth-4");
    byte[] eventBytes = AvroSerdes.forTopic(Topics.CASE_EVENTS, plainConfig).serializer()
        .serialize(Topics.CASE_EVENTS.name(), event);
    byte[] profileBytes = AvroSerdes.forTopic(Topics.YOUTH_PROFILES, plainConfig).serializer()
        .serialize(Topics.YOUTH_PROFILES.name(), profile);

    assertThat(PersonalRecords.plantedIn(event)).contains("PHOTO-PLANTWAARDE-BYTES", "Kevin-Plantwaarde",
        "0612345678-Plantwaarde", "Busstation-Lelystad-Plantwaarde", "Mama-Plantwaarde");
    assertThat(PersonalRecords.plantedIn(event)).allMatch(v -> PersonalRecords.containsUtf8(eventBytes, v));
    assertThat(PersonalRecords.plantedIn(profile)).contains("123456782", "snapchat-Plantwaarde")
        .allMatch(v -> PersonalRecords.containsUtf8(profileBytes, v));
  }

  @Test
  void afterErasureOldBytesReadAsErasedWhileOtherYouthsStillRead() {
    Serde<CaseEvent> serde = AvroSerdes.forTopic(Topics.CASE_EVENTS, config);
    String topic = Topics.CASE_EVENTS.name();
    byte[] erasedYouth = serde.serializer().serialize(topic, PersonalRecords.absenceReported("case-5", "youth-5"));
    byte[] otherYouth = serde.serializer().serialize(topic, PersonalRecords.absenceReported("case-6", "youth-6"));

    DataKeyStore keys = DataKeyStores.fromConfig(config);
    keys.erase("youth-5");

    CaseEvent erased = serde.deserializer().deserialize(topic, erasedYouth);
    AbsenceReported absence = (AbsenceReported) erased.getPayload();
    YouthSnapshot youth = absence.getYouth();
    assertThat(youth.getGivenName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(youth.getFamilyName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(youth.getDateOfBirth()).isEqualTo(FieldEncryption.ERASED);
    assertThat(youth.getPhoto()).isNull();
    assertThat(youth.getPhysicalDescription()).isNull();
    assertThat(youth.getSafetyMedicalNeeds()).isNull();
    assertThat(absence.getClothing()).isNull();
    assertThat(absence.getLastSeenLocation()).isNull();
    Contact contact = youth.getContacts().get(0);
    assertThat(contact.getName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(contact.getPhone()).isNull();
    assertThat(contact.getRelation()).isEqualTo(FieldEncryption.ERASED);
    assertThat(contact.getSuspectedExploiter()).isTrue();
    // the non-personal facts of the case survive
    assertThat(erased.getCaseId()).isEqualTo("case-5");
    assertThat(erased.getYouthId()).isEqualTo("youth-5");
    assertThat(erased.getOccurredAt()).isEqualTo(PersonalRecords.AT);
    assertThat(absence.getLastSeenAt()).isEqualTo(PersonalRecords.AT);
    assertThat(youth.getSex()).isEqualTo(nl.vermissing.events.Sex.FEMALE);
    assertThat(youth.getKnownRisks()).containsExactly(nl.vermissing.events.KnownRisk.SEXUAL_EXPLOITATION);
    assertThat(keys.isErased("youth-5")).isTrue();

    assertThat(serde.deserializer().deserialize(topic, otherYouth))
        .isEqualTo(PersonalRecords.absenceReported("case-6", "youth-6"));
  }

  @Test
  void erasureReachesEverySerdeOfTheKeyFolder() {
    Serde<PoliceAlert> writer = AvroSerdes.forTopic(Topics.POLICE_ALERTS, config);
    Serde<PoliceAlert> reader = AvroSerdes.forTopic(Topics.POLICE_ALERTS, config);
    String topic = Topics.POLICE_ALERTS.name();
    byte[] bytes = writer.serializer().serialize(topic, PersonalRecords.policeAlert("case-7", "youth-7"));
    assertThat(reader.deserializer().deserialize(topic, bytes).getData().getGivenName())
        .isEqualTo("Sanne-Plantwaarde");

    DataKeyStores.fromConfig(config).erase("youth-7");

    PoliceAlert erased = reader.deserializer().deserialize(topic, bytes);
    PoliceCaseData data = erased.getData();
    assertThat(data.getGivenName()).isNull();
    assertThat(data.getPhoto()).isNull();
    assertThat(data.getContacts().get(0).getName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(data.getRiskLevel()).isEqualTo(RiskLevel.RED);
    assertThat(erased.getStage()).isEqualTo(SharingStage.MISSING_REPORT);
  }

  @Test
  void aCiphertextSplicedIntoAnotherYouthsBytesReadsAsUnreadableWithoutFailing() {
    Serde<YouthProfileVersion> serde = AvroSerdes.forTopic(Topics.YOUTH_PROFILES, config);
    String topic = Topics.YOUTH_PROFILES.name();
    YouthProfileVersion a = PersonalRecords.profile("youth-8a");
    YouthProfileVersion b = PersonalRecords.profile("youth-8b");
    a.setGivenName("AAAAAAAAAAAAAAAA");
    b.setGivenName("BBBBBBBBBBBBBBBB");
    byte[] bytesA = serde.serializer().serialize(topic, a);
    byte[] bytesB = serde.serializer().serialize(topic, b);
    // same length fields: swap A's sealed given name into B's bytes
    String sealedA = plainAvro(bytesA, YouthProfileVersion.getClassSchema()).get("givenName").toString();
    String sealedB = plainAvro(bytesB, YouthProfileVersion.getClassSchema()).get("givenName").toString();
    byte[] spliced = replace(bytesB, sealedB.getBytes(StandardCharsets.US_ASCII),
        sealedA.getBytes(StandardCharsets.US_ASCII));

    YouthProfileVersion read = serde.deserializer().deserialize(topic, spliced);

    assertThat(read.getGivenName()).isEqualTo(FieldEncryption.UNREADABLE);
    assertThat(read.getFamilyName()).isEqualTo("Jansen-Plantwaarde");
  }

  @Test
  void personalDataWithoutSubjectIsRefused() {
    Serde<CaseEvent> serde = AvroSerdes.forTopic(Topics.CASE_EVENTS, config);

    assertThatThrownBy(() -> serde.serializer().serialize(Topics.CASE_EVENTS.name(),
        PersonalRecords.absenceReported("case-9", "")))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseInstanceOf(PersonalDataWithoutSubjectException.class)
        .rootCause().hasMessageContaining("CaseEvent.payload.lastSeenLocation");
  }

  @Test
  void recordsWrittenBeforeEncryptionWasOnStillRead() {
    Map<String, Object> plainConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    YouthProfileVersion profile = PersonalRecords.profile("youth-10");
    byte[] legacy = AvroSerdes.forTopic(Topics.YOUTH_PROFILES, plainConfig).serializer()
        .serialize(Topics.YOUTH_PROFILES.name(), profile);

    assertThat(AvroSerdes.forTopic(Topics.YOUTH_PROFILES, config).deserializer()
        .deserialize(Topics.YOUTH_PROFILES.name(), legacy)).isEqualTo(profile);
  }

  @Test
  void aKeyStoreInstanceCanBeGivenInTheConfig() {
    DataKeyStore store = DataKeyStores.fromConfig(config);
    Map<String, Object> withInstance = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
        EncryptionConfig.ENABLED, true, EncryptionConfig.KEY_STORE, store);
    byte[] bytes = AvroSerdes.forTopic(Topics.YOUTH_PROFILES, withInstance).serializer()
        .serialize(Topics.YOUTH_PROFILES.name(), PersonalRecords.profile("youth-11"));

    YouthProfileVersion read = AvroSerdes.forTopic(Topics.YOUTH_PROFILES, config).deserializer()
        .deserialize(Topics.YOUTH_PROFILES.name(), bytes);

    assertThat(read.getGivenName()).isEqualTo("Sanne-Plantwaarde");
  }

  /** Serializes, checks no planted value is in the bytes, deserializes back to an equal record. */
  private <V extends SpecificRecord> byte[] roundTripChecked(Topic<V> topic, V record) {
    Serde<V> serde = AvroSerdes.forTopic(topic, config);
    String before = record.toString();

    byte[] bytes = serde.serializer().serialize(topic.name(), record);

    assertThat(record.toString()).as("the caller's record is not changed").isEqualTo(before);
    List<String> planted = PersonalRecords.plantedIn(record);
    assertThat(planted).hasSizeGreaterThan(5);
    for (String value : planted) {
      assertThat(PersonalRecords.containsUtf8(bytes, value)).as("bytes contain %s", value).isFalse();
    }
    assertThat(serde.deserializer().deserialize(topic.name(), bytes)).isEqualTo(record);
    return bytes;
  }

  private static GenericRecord plainAvro(byte[] framed, Schema schema) {
    try {
      return new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get()
          .binaryDecoder(framed, WireFormat.HEADER_SIZE, framed.length - WireFormat.HEADER_SIZE, null));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] replace(byte[] haystack, byte[] from, byte[] to) {
    assertThat(to).hasSameSizeAs(from);
    String asText = new String(haystack, StandardCharsets.ISO_8859_1);
    int at = asText.indexOf(new String(from, StandardCharsets.ISO_8859_1));
    assertThat(at).isNotNegative();
    byte[] copy = haystack.clone();
    System.arraycopy(to, 0, copy, at, to.length);
    return copy;
  }
}
