package org.orderly.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering, held on the classes themselves (Maven keeps the modules free of cycles, but not a package from
 * reaching past its module's declared dependencies through what the class path happens to carry): a module's code uses
 * only the Orderly packages of the modules it declares, and the domain modules never Spring, the store, the server or the
 * command line. The command line's test class path holds every module, so the rule sees them all.
 */
class LayeringTest {
    /** Each module's package and the Orderly packages it may use (its declared modules, as in the poms). */
    private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("csv", Set.of());
        MAY_USE.put("regime", Set.of("csv"));
        MAY_USE.put("travel", Set.of("regime", "csv"));
        MAY_USE.put("exchange", Set.of("regime", "csv"));
        MAY_USE.put("screening", Set.of("csv"));
        MAY_USE.put("negotiation", Set.of("regime", "csv"));
        MAY_USE.put("monitoring", Set.of("regime", "csv"));
        MAY_USE.put("passengers", Set.of("regime", "travel", "screening", "csv"));
        MAY_USE.put("border", Set.of("regime", "travel", "screening", "csv"));
        MAY_USE.put("lab", Set.of("regime", "csv", "monitoring", "travel", "negotiation"));
        MAY_USE.put("stream", Set.of("border", "regime", "travel", "screening", "csv"));
        MAY_USE.put(
                "store",
                Set.of(
                        "regime",
                        "exchange",
                        "passengers",
                        "negotiation",
                        "border",
                        "monitoring",
                        "travel",
                        "screening",
                        "csv"));
    }

    /** The modules whose code is the regime's own: no framework, no storage, no web. */
    private static final Set<String> DOMAIN = Set.of(
            "csv",
            "regime",
            "travel",
            "exchange",
            "screening",
            "negotiation",
            "monitoring",
            "passengers",
            "border",
            "lab");

    private static final List<String> ALL = List.of(
            "csv",
            "regime",
            "travel",
            "exchange",
            "screening",
            "negotiation",
            "monitoring",
            "passengers",
            "border",
            "lab",
            "stream",
            "store",
            "server",
            "bench",
            "cli",
            "testing");

    private static JavaClasses orderly;

    @BeforeAll
    static void importOrderly() {
        orderly = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.orderly");
    }

    static List<String> modules() {
        return List.copyOf(MAY_USE.keySet());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void aModuleUsesOnlyTheModulesItDeclares(String module) {
        List<String> forbidden = new ArrayList<>();
        for (String other : ALL) {
            if (!other.equals(module) && !MAY_USE.get(module).contains(other))
                forbidden.add("org.orderly." + other + "..");
        }
        if (DOMAIN.contains(module)) forbidden.add("org.springframework..");
        noClasses()
                .that()
                .resideInAPackage("org.orderly." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("orderly-" + module + " declares only " + MAY_USE.get(module)
                        + (DOMAIN.contains(module) ? " and is free of Spring" : ""))
                .check(orderly);
    }

    @ParameterizedTest
    @MethodSource("upper")
    void theServerNeverReachesUpIntoTheCommandLineOrTheBenchmarks(String module) {
        noClasses()
                .that()
                .resideInAPackage("org.orderly." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.orderly.cli..", "org.orderly.bench..")
                .check(orderly);
    }

    static List<String> upper() {
        return List.of("server");
    }
}
