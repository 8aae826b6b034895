package nl.vermissing.followup.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.vermissing.events.ConsentGiver;
import nl.vermissing.events.ExploitationIndicator;

/** Request bodies of the follow-up API. */
public final class FollowUpRequests {

  private FollowUpRequests() {}

  /** A held terugkeergesprek. */
  public record Held(
      @NotNull Instant heldAt,
      @NotBlank @Size(max = 200) String heldBy,
      Boolean independentInterviewer,
      List<@NotBlank @Size(max = 500) String> pushFactors,
      List<@NotBlank @Size(max = 500) String> pullFactors,
      @Size(max = 2000) String stayedWhere,
      @Size(max = 2000) String stayedWith,
      List<@NotNull ExploitationIndicator> exploitationIndicators,
      @Size(max = 4000) String harm,
      @Size(max = 4000) String needs,
      @Size(max = 4000) String safetyPlan,
      Boolean crimeWhileMissing) {}

  public record Declined(@NotBlank @Size(max = 2000) String reason) {}

  public record NotPossible(@NotBlank @Size(max = 2000) String reason, @Size(max = 200) String linkedCaseId) {}

  /** Written consent for registration with CoMensha. */
  public record Consent(@NotNull ConsentGiver givenBy, @NotNull Instant signedAt) {}

  public record Withdrawal(Instant withdrawnAt) {}
}
