package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.Commitment;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Participation;
import org.orderly.regime.Source;
import org.orderly.regime.TreatmentMatter;

/**
 * A labour channel whose terms treat its workers less favourably than nationals in a matter where ILO Convention No. 97
 * (art. 6) or No. 143 (art. 10) requires equal treatment, opened by a state bound by that convention: a conflict; by a
 * state whose participation the registry does not record (Orderly's public data do not include the ILO conventions), a risk.
 * The host's ratification alone decides: art. 6(1) of C97 owes equal treatment to immigrants lawfully in the territory
 * "without discrimination in respect of nationality", whatever their state.
 */
final class EqualTreatmentRule extends CoherenceRule {
    /** A convention's equal-treatment article: the matters it covers, and the part a ratification may exclude (or null). */
    record Article(String instrument, String article, Set<TreatmentMatter> matters, String excludablePart) {}

    static final List<Article> ARTICLES = List.of(
            new Article(
                    "ILO_C97",
                    "art. 6(1)",
                    EnumSet.of(
                            TreatmentMatter.REMUNERATION,
                            TreatmentMatter.TRADE_UNION,
                            TreatmentMatter.ACCOMMODATION,
                            TreatmentMatter.SOCIAL_SECURITY,
                            TreatmentMatter.EMPLOYMENT_TAXES,
                            TreatmentMatter.LEGAL_PROCEEDINGS),
                    null),
            new Article(
                    "ILO_C143",
                    "art. 10",
                    EnumSet.of(
                            TreatmentMatter.EMPLOYMENT,
                            TreatmentMatter.SOCIAL_SECURITY,
                            TreatmentMatter.TRADE_UNION,
                            TreatmentMatter.CULTURAL_RIGHTS,
                            TreatmentMatter.FREEDOMS),
                    "Part II"));

    private static final Source SOURCE = new Source(
            "ILO Convention No. 97, art. 6(1); ILO Convention No. 143, arts 10 and 16(1)",
            "C97 art. 6(1): each Member for which the Convention is in force applies to immigrants lawfully within its territory, without "
                    + "discrimination in respect of nationality, race, religion or sex, treatment no less favourable than to its own nationals "
                    + "in remuneration and conditions of work, trade union membership and collective bargaining, accommodation, social security, "
                    + "employment taxes and legal proceedings. C143 art. 10: equality of opportunity and treatment in employment and occupation, "
                    + "social security, trade union and cultural rights and individual and collective freedoms; art. 16(1): a ratification may "
                    + "exclude Part I or Part II (arts 10-14). ILO NORMLEX, https://normlex.ilo.org/",
            LocalDate.of(2026, 12, 6));

    EqualTreatmentRule() {
        super(
                "LABOUR_CHANNEL_WITHOUT_EQUAL_TREATMENT",
                "equal treatment",
                "A labour channel whose terms deny equal treatment that ILO C97 (art. 6) or C143 (art. 10) requires of the state that opens it.",
                SOURCE);
    }

    /**
     * The matters in which a labour channel treats its workers less favourably than nationals; empty for anything else.
     * The one place that reads a channel's terms for the rule.
     */
    static Set<TreatmentMatter> unequalTreatment(Commitment commitment) {
        return commitment instanceof LegalChannel channel ? channel.unequalTreatment() : Set.of();
    }

    @Override
    void check(Bindings on, Consumer<Conflict> found) {
        for (InForce f : on.subjects()) {
            Set<TreatmentMatter> denied = unequalTreatment(f.commitment());
            if (denied.isEmpty()) continue;
            for (String host : new TreeSet<>(f.grantors())) {
                List<String> breaches = new ArrayList<>();
                List<String> unknowns = new ArrayList<>();
                List<String> instruments = new ArrayList<>();
                for (Article article : ARTICLES) {
                    Set<TreatmentMatter> at = EnumSet.noneOf(TreatmentMatter.class);
                    at.addAll(denied);
                    at.retainAll(article.matters());
                    if (at.isEmpty()) continue;
                    String matters = String.join(
                            ", ", at.stream().map(TreatmentMatter::words).toList());
                    Bindings.Status status = on.standing(host, article.instrument());
                    String where = on.title(article.instrument()) + ", " + article.article();
                    if (status.standing() == Bindings.Standing.BOUND && !excludes(on, host, article)) {
                        breaches.add(where + " requires equal treatment in " + matters + " (" + status.why() + ")");
                        instruments.add(article.instrument());
                    } else if (status.standing() == Bindings.Standing.UNKNOWN) {
                        unknowns.add(where + " would require equal treatment in " + matters + ", but " + status.why());
                        instruments.add(article.instrument());
                    }
                }
                if (breaches.isEmpty() && unknowns.isEmpty()) continue;
                Set<String> parties = new TreeSet<>(f.beneficiaries());
                parties.add(host);
                String treated = f.ref().label() + " (" + on.title(f.ref().instrument()) + ") opens " + on.name(host)
                        + "'s labour market on terms that treat the workers less favourably than nationals in "
                        + String.join(
                                ", ",
                                denied.stream().map(TreatmentMatter::words).toList()) + ". ";
                List<Source> sources = new ArrayList<>();
                for (String instrument : instruments) on.instrument(instrument).ifPresent(i -> sources.add(i.source()));
                found.accept(
                        breaches.isEmpty()
                                ? conflict(
                                        Conflict.Severity.RISK,
                                        treated + "Unknown whether this is allowed: " + String.join("; ", unknowns)
                                                + ".",
                                        List.of(f),
                                        parties,
                                        instruments,
                                        sources)
                                : conflict(
                                        Conflict.Severity.CONFLICT,
                                        treated + String.join("; ", breaches) + ".",
                                        List.of(f),
                                        parties,
                                        instruments,
                                        sources));
            }
        }
    }

    /** Whether the host's ratification excluded the part of the convention that holds the article (C143 art. 16(1)). */
    private static boolean excludes(Bindings on, String host, Article article) {
        if (article.excludablePart() == null) return false;
        for (Participation p : on.participations(article.instrument())) {
            if (p.partyId().equals(host)
                    && p.status().binds()
                    && p.reservations().stream()
                            .anyMatch(r -> r.contains(article.excludablePart())
                                    && r.toLowerCase(java.util.Locale.ROOT).contains("exclud"))) {
                return true;
            }
        }
        return false;
    }
}
