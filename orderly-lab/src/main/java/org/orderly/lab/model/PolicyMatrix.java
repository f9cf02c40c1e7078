package org.orderly.lab.model;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.TravelCategory;
import org.orderly.travel.requirement.TravelRequirement;
import org.orderly.travel.requirement.TravelRules;

/**
 * The policy variables of every corridor (origin → destination) on one date, read from the registry's rulebook for that
 * date: whether the travel answer for the origin's passport at the destination requires a visa (the answer a traveller
 * gets: commitments in force over the destination's unilateral policy from the visa snapshot nearest the date), free
 * movement with or without the right to work, whether anything is recorded for the pair, and the annual places of legal
 * channels for work. Indexed by the lab's area codes, {@code origin * n + destination}.
 */
public final class PolicyMatrix {
    private final LocalDate date;
    private final int size;
    final byte[] visaRequired;
    final byte[] freeMovement;
    final byte[] freeMovementWithoutWork;
    final byte[] notRecorded;
    final double[] labourPlaces;

    private PolicyMatrix(LocalDate date, int size) {
        this.date = date;
        this.size = size;
        int cells = size * size;
        visaRequired = new byte[cells];
        freeMovement = new byte[cells];
        freeMovementWithoutWork = new byte[cells];
        notRecorded = new byte[cells];
        labourPlaces = new double[cells];
    }

    /** Reads the variables for the areas {@code codes} from the registry's rules in force on {@code date}. */
    public static PolicyMatrix of(Registry registry, List<String> codes, LocalDate date, LabourChannels channels) {
        Rulebook rulebook = Rulebook.compile(registry, date);
        TravelRules rules = TravelRules.compile(rulebook);
        int n = codes.size();
        int[] index = codes.stream().mapToInt(rulebook::indexOf).toArray();
        PolicyMatrix matrix = new PolicyMatrix(date, n);
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                if (o == d) continue;
                int cell = o * n + d;
                if (index[o] < 0 || index[d] < 0) {
                    matrix.notRecorded[cell] = 1;
                    continue;
                }
                TravelRequirement answer = rules.requirement(index[o], index[d]);
                if (answer.basis() == TravelRequirement.Basis.NO_RULE) matrix.notRecorded[cell] = 1;
                else if (needsVisa(answer.category())) matrix.visaRequired[cell] = 1;
                FreeMovement free =
                        rulebook.freeMovement(codes.get(d), codes.get(o)).orElse(null);
                if (free != null) {
                    if (free.rightToWork()) matrix.freeMovement[cell] = 1;
                    else matrix.freeMovementWithoutWork[cell] = 1;
                }
                matrix.labourPlaces[cell] = channels.annualPlaces(rulebook, index[d], index[o]);
            }
        }
        return matrix;
    }

    /** A visa (paper or electronic) applied for before travel, or no admission at all (a COVID-19 entry ban included). */
    static boolean needsVisa(TravelCategory category) {
        return switch (category) {
            case VISA_REQUIRED, E_VISA, NO_ADMISSION, COVID_ENTRY_BAN -> true;
            case OWN_COUNTRY, FREE_MOVEMENT, VISA_FREE, VISA_ON_ARRIVAL, ELECTRONIC_TRAVEL_AUTHORISATION -> false;
        };
    }

    public LocalDate date() {
        return date;
    }

    public int size() {
        return size;
    }

    /** Whether a corridor's variables differ between two matrices of the same areas (the deal touches it). */
    public boolean differs(PolicyMatrix other, int cell) {
        return visaRequired[cell] != other.visaRequired[cell]
                || freeMovement[cell] != other.freeMovement[cell]
                || freeMovementWithoutWork[cell] != other.freeMovementWithoutWork[cell]
                || notRecorded[cell] != other.notRecorded[cell]
                || labourPlaces[cell] != other.labourPlaces[cell];
    }

    public boolean visaRequired(int origin, int destination) {
        return visaRequired[origin * size + destination] == 1;
    }

    public boolean freeMovement(int origin, int destination) {
        return freeMovement[origin * size + destination] == 1;
    }

    public boolean freeMovementWithoutWork(int origin, int destination) {
        return freeMovementWithoutWork[origin * size + destination] == 1;
    }

    public boolean notRecorded(int origin, int destination) {
        return notRecorded[origin * size + destination] == 1;
    }

    public double labourPlaces(int origin, int destination) {
        return labourPlaces[origin * size + destination];
    }
}
