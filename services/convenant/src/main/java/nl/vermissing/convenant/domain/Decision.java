package nl.vermissing.convenant.domain;

import java.util.ArrayList;
import java.util.List;
import nl.vermissing.events.CalamityNotice;
import nl.vermissing.events.DisclosureRecord;
import nl.vermissing.events.PoliceAlert;
import nl.vermissing.events.RequiredNextStep;

/**
 * The outcome of one event or deadline for a case: the new state and what must be published. Every message to a
 * party outside the institution comes with its disclosure record.
 */
public final class Decision {

  private final CaseState state;
  private final List<PoliceAlert> alerts = new ArrayList<>();
  private final List<CalamityNotice> calamityNotices = new ArrayList<>();
  private final List<DisclosureRecord> disclosures = new ArrayList<>();
  private RequiredNextStep nextStep;
  private boolean changed;

  Decision(CaseState state) {
    this.state = state;
  }

  public CaseState state() {
    return state;
  }

  public List<PoliceAlert> alerts() {
    return alerts;
  }

  public List<CalamityNotice> calamityNotices() {
    return calamityNotices;
  }

  public List<DisclosureRecord> disclosures() {
    return disclosures;
  }

  /** The next step for the institution, or null when it did not change. */
  public RequiredNextStep nextStep() {
    return nextStep;
  }

  /** Whether the state must be stored. */
  public boolean changed() {
    return changed;
  }

  void markChanged() {
    changed = true;
  }

  void nextStep(RequiredNextStep step) {
    nextStep = step;
  }
}
