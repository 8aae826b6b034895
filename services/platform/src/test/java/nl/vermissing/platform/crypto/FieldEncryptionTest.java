package nl.vermissing.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.vermissing.events.AbsenceReported;
import nl.vermissing.events.CaseEvent;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RegisterEpisode;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.events.YouthSnapshot;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldEncryptionTest {

  @TempDir
  Path keys;

  private FileDataKeyStore store() {
    return new FileDataKeyStore(keys, MasterKeys.generate());
  }

  @Test
  void sealsEveryPersonalValueOfACopyAndLeavesTheCallersRecordAlone() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent original = PersonalRecords.absenceReported("case-1", "youth-1");
    CaseEvent untouched = CaseEvent.newBuilder(original).build();

    CaseEvent sealed = encryption.encrypt(original);

    assertThat(original).isEqualTo(untouched);
    assertThat(sealed).isNotSameAs(original);
    AbsenceReported absence = (AbsenceReported) sealed.getPayload();
    YouthSnapshot youth = absence.getYouth();
    assertThat(List.of(youth.getGivenName(), youth.getFamilyName(), youth.getDateOfBirth(),
        youth.getPhysicalDescription(), youth.getSafetyMedicalNeeds(), absence.getClothing(),
        absence.getLastSeenLocation(), absence.getWhereaboutsDescription(), youth.getContacts().get(0).getName(),
        youth.getContacts().get(0).getPhone(), youth.getContacts().get(0).getAddress(),
        youth.getPlaces().get(0).getDescription()))
        .allSatisfy(value -> assertThat(value).startsWith(FieldEncryption.STRING_PREFIX));
    assertThat(youth.getContacts().get(1).getPhone()).isNull();
    assertThat(new String(youth.getPhoto().array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("ENC1");
    // not personal: unchanged
    assertThat(sealed.getCaseId()).isEqualTo("case-1");
    assertThat(sealed.getOccurredAt()).isEqualTo(PersonalRecords.AT);
    assertThat(youth.getNationalPseudonym()).isEqualTo("np-42");
    assertThat(youth.getContacts().get(0).getRelation()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat(youth.getPhotoContentType()).isEqualTo("image/jpeg");
  }

  @Test
  void opensWhatItSealed() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent event = PersonalRecords.absenceReported("case-2", "youth-2");
    YouthProfileVersion profile = PersonalRecords.profile("youth-2");
    PoliceAlert alert = PersonalRecords.policeAlert("case-2", "youth-2");

    assertThat(encryption.decryptInPlace(encryption.encrypt(event))).isEqualTo(event);
    assertThat(encryption.decryptInPlace(encryption.encrypt(profile))).isEqualTo(profile);
    assertThat(encryption.decryptInPlace(encryption.encrypt(alert))).isEqualTo(alert);
  }

  @Test
  void sealsGenericCopiesToo() {
    FieldEncryption encryption = new FieldEncryption(store());
    YouthProfileVersion profile = PersonalRecords.profile("youth-3");
    GenericRecord generic = (GenericRecord) GenericData.get().deepCopy(profile.getSchema(), profile);

    GenericRecord sealed = encryption.encrypt(generic);

    assertThat(sealed.get("bsn").toString()).startsWith(FieldEncryption.STRING_PREFIX);
    assertThat(generic.get("bsn").toString()).isEqualTo("123456782");
    assertThat(encryption.decryptInPlace(sealed).get("bsn")).isEqualTo("123456782");
  }

  @Test
  void recordTypesWithoutPersonalFieldsPassAsTheyAre() {
    FieldEncryption encryption = new FieldEncryption(store());
    RegisterEpisode episode = RegisterEpisode.newBuilder().setEpisodeId("e-1").setNationalPseudonym("np")
        .setAgeBand(nl.vermissing.events.AgeBand.AGE_14_15).setSex(nl.vermissing.events.Sex.FEMALE)
        .setRegion("Flevoland").setInstitutionType("secure").setPlacementType(
            nl.vermissing.events.PlacementType.CLOSED).setStatus(nl.vermissing.events.EpisodeStatus.OPEN)
        .setAbsenceAt(PersonalRecords.AT).setRiskLevel(nl.vermissing.events.RiskLevel.RED)
        .setEpisodeNumberForYouth(1).build();

    assertThat(encryption.hasPersonalFields(RegisterEpisode.getClassSchema())).isFalse();
    assertThat(encryption.encrypt(episode)).isSameAs(episode);
  }

  @Test
  void aCiphertextMovedToAnotherFieldDoesNotOpen() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent sealed = encryption.encrypt(PersonalRecords.absenceReported("case-4", "youth-4"));
    YouthSnapshot youth = ((AbsenceReported) sealed.getPayload()).getYouth();
    // the given name's ciphertext put in the family name (required) and the description (nullable)
    youth.setFamilyName(youth.getGivenName());
    youth.setPhysicalDescription(youth.getGivenName());

    CaseEvent opened = encryption.decryptInPlace(sealed);

    YouthSnapshot openedYouth = ((AbsenceReported) opened.getPayload()).getYouth();
    assertThat(openedYouth.getGivenName()).isEqualTo("Sanne-Plantwaarde");
    assertThat(openedYouth.getFamilyName()).isEqualTo(FieldEncryption.UNREADABLE);
    assertThat(openedYouth.getPhysicalDescription()).isNull();
  }

  @Test
  void aCiphertextMovedToAnotherYouthsRecordDoesNotOpen() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent fromA = encryption.encrypt(PersonalRecords.absenceReported("case-5a", "youth-5a"));
    CaseEvent fromB = encryption.encrypt(PersonalRecords.absenceReported("case-5b", "youth-5b"));
    YouthSnapshot youthB = ((AbsenceReported) fromB.getPayload()).getYouth();
    YouthSnapshot youthA = ((AbsenceReported) fromA.getPayload()).getYouth();
    youthB.setGivenName(youthA.getGivenName());
    youthB.setPhoto(youthA.getPhoto());
    youthB.getContacts().get(0).setName(youthA.getContacts().get(0).getName());
    // and a whole record relabelled: A's ciphertexts under B's id
    fromA.setYouthId("youth-5b");

    YouthSnapshot openedB = ((AbsenceReported) encryption.decryptInPlace(fromB).getPayload()).getYouth();
    YouthSnapshot relabelled = ((AbsenceReported) encryption.decryptInPlace(fromA).getPayload()).getYouth();

    assertThat(openedB.getGivenName()).isEqualTo(FieldEncryption.UNREADABLE);
    assertThat(openedB.getPhoto()).isNull();
    assertThat(openedB.getContacts().get(0).getName()).isEqualTo(FieldEncryption.UNREADABLE);
    assertThat(openedB.getFamilyName()).isEqualTo("Jansen-Plantwaarde");
    assertThat(relabelled.getGivenName()).isEqualTo(FieldEncryption.UNREADABLE);
  }

  @Test
  void refusesPersonalDataWithoutASubject() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent noSubject = PersonalRecords.absenceReported("case-6", "");

    assertThatThrownBy(() -> encryption.encrypt(noSubject))
        .isInstanceOf(PersonalDataWithoutSubjectException.class)
        .hasMessageContaining("CaseEvent")
        .hasMessageContaining("youthId");
  }

  @Test
  void aRecordWithoutSubjectButWithoutPersonalValuesIsFine() {
    FieldEncryption encryption = new FieldEncryption(store());
    CaseEvent closed = PersonalRecords.caseClosed("case-7", "");

    assertThat(encryption.encrypt(closed)).isEqualTo(closed);
  }

  @Test
  void legacyPlaintextPassesThroughOnReading() {
    FieldEncryption encryption = new FieldEncryption(store());
    YouthProfileVersion plain = PersonalRecords.profile("youth-8");
    YouthProfileVersion copy = YouthProfileVersion.newBuilder(plain).build();

    assertThat(encryption.decryptInPlace(copy)).isEqualTo(plain);
  }

  @Test
  void afterErasureRequiredFieldsSayErasedAndNullableOnesAreNull() {
    FileDataKeyStore store = store();
    FieldEncryption encryption = new FieldEncryption(store);
    YouthProfileVersion sealed = encryption.encrypt(PersonalRecords.profile("youth-9"));

    store.erase("youth-9");
    YouthProfileVersion opened = encryption.decryptInPlace(sealed);

    assertThat(opened.getGivenName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(opened.getBsn()).isNull();
    assertThat(opened.getPhoto()).isNull();
    assertThat(opened.getPhoneNumbers()).containsExactly(FieldEncryption.ERASED, FieldEncryption.ERASED);
    assertThat(opened.getYouthId()).isEqualTo("youth-9");
    assertThat(opened.getChangedAt()).isEqualTo(PersonalRecords.AT);
  }

  @Test
  void aNewKeyAfterErasureNeverOpensTheOldData() {
    FileDataKeyStore store = store();
    FieldEncryption encryption = new FieldEncryption(store);
    YouthProfileVersion before = encryption.encrypt(PersonalRecords.profile("youth-10"));
    store.erase("youth-10");

    YouthProfileVersion after = encryption.encrypt(PersonalRecords.profile("youth-10"));

    assertThat(store.isErased("youth-10")).isFalse();
    assertThat(store.hasErasedKeys("youth-10")).isTrue();
    assertThat(encryption.decryptInPlace(before).getGivenName()).isEqualTo(FieldEncryption.ERASED);
    assertThat(encryption.decryptInPlace(after).getGivenName()).isEqualTo("Sanne-Plantwaarde");
  }

  @Test
  void sealedBytesKeepAnEmptyPhotoDistinctFromNone() {
    FieldEncryption encryption = new FieldEncryption(store());
    YouthProfileVersion profile = PersonalRecords.profile("youth-11");
    profile.setPhoto(ByteBuffer.allocate(0));

    YouthProfileVersion opened = encryption.decryptInPlace(encryption.encrypt(profile));

    assertThat(opened.getPhoto()).isNotNull();
    assertThat(opened.getPhoto().remaining()).isZero();
  }
}
