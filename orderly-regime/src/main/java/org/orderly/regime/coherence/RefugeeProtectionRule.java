package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.Commitment;
import org.orderly.regime.Readmission;
import org.orderly.regime.RightsFloor;
import org.orderly.regime.Source;

/**
 * A state bound by non-refoulement may not commit to send third-country nationals to a state party to neither the 1951
 * Refugee Convention nor its 1967 Protocol. The readmitting state's standing decides the severity: shown not to be a party,
 * a conflict; not recorded (the registry holds no participation in either: Orderly's public data do not include them), a
 * risk that says "unknown" rather than assume it is no party.
 */
final class RefugeeProtectionRule extends CoherenceRule {
    /** The instruments whose parties give refugees protection in the sense of the rule. */
    static final List<String> REFUGEE_INSTRUMENTS = List.of("REFUGEE_1951", "REFUGEE_PROTOCOL_1967");

    private static final String NON_REFOULEMENT = "non-refoulement";
    private static final Source SOURCE = new Source(
            "Convention relating to the Status of Refugees, art. 33(1); Convention against Torture, art. 3(1)",
            "Art. 33(1) of the 1951 Convention (applied by art. I(1) of the 1967 Protocol): no refugee shall be expelled or returned "
                    + "to territories where his life or freedom would be threatened; CAT art. 3(1): no State Party shall expel, return or "
                    + "extradite a person to a State where there are substantial grounds for believing that he would be in danger of torture. "
                    + "A readmission of third-country nationals to a state that protects refugees under neither treaty puts the sending "
                    + "state at risk of indirect refoulement",
            LocalDate.of(2026, 12, 6));

    RefugeeProtectionRule() {
        super(
                "READMISSION_WITHOUT_REFUGEE_PROTECTION",
                "refugee protection",
                "Readmission of third-country nationals to a state party to neither the 1951 Convention nor its 1967 Protocol, by a state bound by non-refoulement.",
                SOURCE);
    }

    @Override
    void check(Bindings on, Consumer<Conflict> found) {
        List<String> nonRefoulement = nonRefoulementInstruments(on);
        for (InForce f : on.subjects()) {
            if (!(f.commitment() instanceof Readmission r) || !r.thirdCountryNationals()) continue;
            for (String readmitting : new TreeSet<>(f.grantors())) {
                List<Bindings.Status> refugee = REFUGEE_INSTRUMENTS.stream()
                        .map(i -> on.standing(readmitting, i))
                        .toList();
                if (refugee.stream().anyMatch(s -> s.standing() == Bindings.Standing.BOUND)) continue;
                Map<String, String> senders = new TreeMap<>();
                Set<String> bindingInstruments = new LinkedHashSet<>();
                for (String sender : f.beneficiaries()) {
                    if (sender.equals(readmitting)) continue;
                    for (String instrument : nonRefoulement) {
                        if (on.bound(instrument).contains(sender)) {
                            senders.merge(sender, on.title(instrument), (a, b) -> a + "; " + b);
                            bindingInstruments.add(instrument);
                        }
                    }
                }
                if (senders.isEmpty()) continue;
                boolean shownNoParty = refugee.stream().allMatch(s -> s.standing() == Bindings.Standing.NOT_BOUND);
                List<Source> sources = new ArrayList<>();
                for (String instrument : bindingInstruments)
                    on.instrument(instrument).ifPresent(i -> sources.add(i.source()));
                Set<String> parties = new TreeSet<>(senders.keySet());
                parties.add(readmitting);
                String why = String.join(
                        "; ", refugee.stream().map(Bindings.Status::why).toList());
                found.accept(conflict(
                        shownNoParty ? Conflict.Severity.CONFLICT : Conflict.Severity.RISK,
                        f.ref().label() + " (" + on.title(f.ref().instrument()) + ") has " + on.name(readmitting)
                                + " readmit third-country nationals at the request of " + on.names(senders.keySet())
                                + ", bound by non-refoulement ("
                                + String.join("; ", new LinkedHashSet<>(senders.values())) + "). "
                                + (shownNoParty
                                        ? on.name(readmitting)
                                                + " is party to neither the 1951 Convention nor its 1967 Protocol: "
                                                + why + "."
                                        : "Whether " + on.name(readmitting)
                                                + " is party to the 1951 Convention or its 1967 Protocol is unknown: "
                                                + why + ". Record its participation to settle it."),
                        List.of(f),
                        parties,
                        new ArrayList<>(bindingInstruments),
                        sources));
            }
        }
    }

    /** The instruments in the registry whose rights floor carries non-refoulement (the 1951 Convention, its Protocol, CAT). */
    private static List<String> nonRefoulementInstruments(Bindings on) {
        Set<String> found = new TreeSet<>();
        for (Commitment c : on.registry().commitments()) {
            if (c instanceof RightsFloor floor && floor.rights().contains(NON_REFOULEMENT)) found.add(c.instrumentId());
        }
        return List.copyOf(found);
    }
}
