package nl.vermissing.intake.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.vermissing.events.Contact;
import nl.vermissing.events.KnownRisk;
import nl.vermissing.events.LegalTitle;
import nl.vermissing.events.LegalTitleKind;
import nl.vermissing.events.NextStepKind;
import nl.vermissing.events.Place;
import nl.vermissing.events.PlacementType;
import nl.vermissing.events.RiskIndicator;
import nl.vermissing.events.RiskLevel;
import nl.vermissing.events.Sex;
import nl.vermissing.intake.domain.CaseStatus;

/** The JSON shapes of the intake API (requests share the value types). */
public final class Dtos {

  private Dtos() {}

  /** A person the youth may be with: associate, friend, family member, suspected exploiter. */
  /** A contact of the youth; {@code suspectedExploiter} may be left out (false). */
  public record ContactDto(@jakarta.validation.constraints.NotBlank String name, String relation, String phone,
      String address, Boolean suspectedExploiter) {
    public static ContactDto of(Contact c) {
      return new ContactDto(c.getName(), c.getRelation(), c.getPhone(), c.getAddress(), c.getSuspectedExploiter());
    }

    public Contact toAvro() {
      return Contact.newBuilder().setName(name).setRelation(relation == null ? "" : relation).setPhone(phone)
          .setAddress(address).setSuspectedExploiter(Boolean.TRUE.equals(suspectedExploiter)).build();
    }
  }

  /** A place the youth may go. */
  public record PlaceDto(@jakarta.validation.constraints.NotBlank String description, String address) {
    public static PlaceDto of(Place p) {
      return new PlaceDto(p.getDescription(), p.getAddress());
    }

    public Place toAvro() {
      return Place.newBuilder().setDescription(description).setAddress(address).build();
    }
  }

  /** Court authorisation (machtiging) or other title of the placement, with its end date. */
  public record LegalTitleDto(LegalTitleKind kind, LocalDate validUntil) {
    public static LegalTitleDto of(LegalTitle t) {
      return t == null ? null : new LegalTitleDto(t.getKind(), t.getValidUntil());
    }

    public LegalTitle toAvro() {
      return LegalTitle.newBuilder().setKind(kind).setValidUntil(validUntil).build();
    }
  }

  /** The profile (grab pack) as staff see it: the BSN only masked. */
  public record ProfileView(String youthId, String institutionId, int version, String bsnMasked, String givenName,
      String familyName, LocalDate dateOfBirth, Sex sex, boolean hasPhoto, String photoContentType,
      String physicalDescription, List<ContactDto> associates, List<PlaceDto> places, List<String> phoneNumbers,
      List<String> socialMedia, String safetyMedicalNeeds, List<KnownRisk> knownRisks, PlacementType placementType,
      LegalTitleDto legalTitle, String transferredFrom, Instant changedAt, String changedBy, String openCaseId) {}

  /** One line of the institution's youth list. */
  public record ProfileSummary(String youthId, String givenName, String familyName, LocalDate dateOfBirth,
      PlacementType placementType, int version, boolean hasPhoto, String openCaseId) {}

  /** The youth as captured in the case when the absence was reported. */
  public record YouthSnapshotView(int profileVersion, String givenName, String familyName, LocalDate dateOfBirth,
      Integer ageAtT0, Sex sex, boolean hasPhoto, String physicalDescription, List<ContactDto> contacts,
      List<PlaceDto> places, String safetyMedicalNeeds, List<KnownRisk> knownRisks, PlacementType placementType,
      LegalTitleDto legalTitle) {}

  /** The current risk assessment of a case. */
  public record RiskView(RiskLevel level, RiskLevel requiredMinimum, List<RiskIndicator> indicators,
      String rationale, Instant assessedAt) {}

  /** What the agreement (convenant) requires next of the institution, with its deadline. */
  public record NextStepView(NextStepKind step, String descriptionNl, String descriptionEn, Instant deadline,
      RiskLevel riskLevel, String agreementId, int agreementVersion, Instant decidedAt) {}

  /** The return of the youth. */
  public record ReturnView(Instant returnedAt, String location, String foundBy, String circumstances) {}

  /**
   * One thing that happened in a case; source INSTITUTION, POLICE or CONVENANT. {@code summary} is an English
   * sentence; {@code details} holds the same facts language-neutral (stable keys per {@code kind}, enum values as
   * their names, free text as typed) so that a page can phrase the sentence in its own language.
   */
  public record TimelineEntry(Instant at, Instant recordedAt, String source, String kind, String summary,
      Map<String, Object> details, String by) {}

  /** A case with everything that happened and the next required step. */
  public record CaseView(String caseId, String youthId, String institutionId, CaseStatus status, boolean open,
      Instant lastSeenAt, String lastSeenLocation, String clothing, boolean whereaboutsKnown,
      String whereaboutsDescription, String reportedBy, Instant reportedAt, YouthSnapshotView youth, RiskView risk,
      Instant missingReportedAt, ReturnView returned, String cancelReason, Instant closedAt, NextStepView nextStep,
      List<String> policeQuestions, List<TimelineEntry> timeline) {}

  /** One line of the institution's case list. */
  public record CaseSummary(String caseId, String youthId, String givenName, String familyName, CaseStatus status,
      Instant lastSeenAt, boolean whereaboutsKnown, RiskLevel riskLevel, boolean missingReported,
      NextStepView nextStep, Instant closedAt) {}
}
