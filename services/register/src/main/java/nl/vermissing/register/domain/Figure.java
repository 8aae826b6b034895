package nl.vermissing.register.domain;

/**
 * Every figure of the national statistics with its definition (Dutch and English). The API and the dashboard show
 * these texts; the README repeats them. Cancelled reports are never counted.
 */
public enum Figure {
  EPISODES("episodes",
      "Aantal vermissingsepisodes met t0 in de periode (ingetrokken meldingen tellen niet mee).",
      "Number of missing episodes with t0 in the period (withdrawn reports are not counted)."),
  YOUTHS("youths",
      "Aantal verschillende jongeren (unieke nationale pseudoniemen) met een episode in de cel.",
      "Number of distinct youths (distinct national pseudonyms) with an episode in the cell."),
  DURATION_MEDIAN("durationMedianMinutes",
      "Mediane duur in minuten van t0 tot terugkeer, over teruggekeerde episodes (nearest-rank).",
      "Median duration in minutes from t0 to return, over returned episodes (nearest rank)."),
  DURATION_P90("durationP90Minutes",
      "90e percentiel van de duur in minuten van t0 tot terugkeer, over teruggekeerde episodes (nearest-rank).",
      "90th percentile of the duration in minutes from t0 to return, over returned episodes (nearest rank)."),
  RETURNED_WITHIN_24H("returnedWithin24hShare",
      "Aandeel van alle episodes waarin de jongere binnen 24 uur na t0 terug was.",
      "Share of all episodes in which the youth was back within 24 hours of t0."),
  ALERTED("alertedShare",
      "Aandeel episodes waarin de politie een (echt, geen oefen-) bericht kreeg: consultatie of vermissingsmelding.",
      "Share of episodes in which police received an actual (not exercise) alert: consultation or missing report."),
  ACKNOWLEDGEMENT_MEDIAN("acknowledgementMedianMinutes",
      "Mediane tijd in minuten van het eerste politiebericht tot de eerste bevestiging door de politie.",
      "Median time in minutes from the first alert to police until police first acknowledged it."),
  CONVERSATION_IN_TIME("returnConversationInTimeShare",
      "Aandeel terugkeergesprekken op tijd gehouden (binnen de termijn, standaard 72 uur na terugkeer), van alle "
          + "episodes met een uitkomst (op tijd, te laat, geweigerd, niet mogelijk, verlopen).",
      "Share of return conversations held in time (within the due time, by default 72 hours after the return), of "
          + "all episodes with an outcome (in time, late, declined, not possible, overdue)."),
  REPEAT("repeatShare",
      "Aandeel episodes waarbij dezelfde jongere (ook bij een andere instelling) binnen 90 dagen voor t0 al een "
          + "episode had.",
      "Share of episodes where the same youth (at any institution) had an earlier episode within 90 days before t0."),
  EXPLOITATION_SIGNAL("exploitationSignalShare",
      "Aandeel episodes waarin het terugkeergesprek minstens een signaal van uitbuiting vastlegde.",
      "Share of episodes whose return conversation recorded at least one exploitation indicator."),
  REFERRALS("referrals",
      "Aantal episodes met een doorverwijzing (gespecialiseerde zorg of CoMensha-registratie).",
      "Number of episodes with a referral (specialised care or CoMensha registration).");

  private final String field;
  private final String nl;
  private final String en;

  Figure(String field, String nl, String en) {
    this.field = field;
    this.nl = nl;
    this.en = en;
  }

  public String field() {
    return field;
  }

  public String nl() {
    return nl;
  }

  public String en() {
    return en;
  }
}
