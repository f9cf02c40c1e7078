package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code orderly coherence} on a fresh home: the registry's answer, a draft's conflicts in the issue's shape, bad drafts refused. */
class CoherenceCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-coherence-test");

    /** A Polish visa waiver for Belarusians: Belarus is in Annex I of Regulation (EU) 2018/1806, which binds Poland. */
    private static final String DRAFT = """
            {"instrument": {"id": "DRAFT_POL_BLR", "title": "Draft visa waiver", "kind": "BILATERAL_AGREEMENT",
              "level": "BILATERAL", "binding": true, "adopted": "2026-01-10", "inForce": "2026-02-01",
              "pillars": ["LEGAL_MOVEMENT"], "source": {"title": "draft", "reference": "CoherenceCommandTest", "asOf": "2026-01-01"}},
             "commitments": [{"kind": "VISA_WAIVER", "grantors": ["POL"], "beneficiaries": ["BLR"],
              "terms": {"stay_days": "30", "window_days": "180"}}],
             "participations": [{"party": "POL", "status": "RATIFIED", "since": "2026-02-01"},
                                {"party": "BLR", "status": "RATIFIED", "since": "2026-02-01"}]}
            """;

    @Test
    void theRegistryAndADraftAreCheckedOnADateInTheIssuesShape(@TempDir Path folder) throws IOException {
        CommandRun whole = CommandRun.of("coherence", "--date", "2026-12-06", "--json");
        assertThat(whole.status()).as(whole.err()).isZero();
        JsonNode registry = JsonMapper.builder().build().readTree(whole.out());
        assertThat(registry.get("conflicts").isArray()).isTrue();
        assertThat(registry.get("conflicts"))
                .as("the shipped registry is coherent")
                .isEmpty();

        Path draft = Files.writeString(folder.resolve("draft.json"), DRAFT);
        CommandRun checked = CommandRun.of("coherence", "--draft", draft.toString(), "--date", "2026-12-06", "--json");
        assertThat(checked.status()).as(checked.err()).isZero();
        JsonNode conflict = JsonMapper.builder()
                .build()
                .readTree(checked.out())
                .get("conflicts")
                .get(0);
        assertThat(conflict.get("kind").asString()).isEqualTo("VISA_WAIVER_AGAINST_COMMON_VISA_LIST");
        assertThat(conflict.get("parties").toString()).isEqualTo("[\"BLR\",\"POL\"]");
        assertThat(conflict.get("instruments").toString())
                .contains("DRAFT_POL_BLR")
                .contains("EU_VISA_REGULATION");

        CommandRun text = CommandRun.of("coherence", "--draft", draft.toString(), "--date", "2026-12-06");
        assertThat(text.out())
                .contains("conflict  VISA_WAIVER_AGAINST_COMMON_VISA_LIST  BLR, POL")
                .contains("1 conflict(s) and 0 risk(s) on 2026-12-06 involving DRAFT_POL_BLR");
    }

    @Test
    void aBadDraftIsRefusedWithTheFileTheFieldAndWhy(@TempDir Path folder) throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"instrument\": {\"id\": \"X\",\n");
        CommandRun unreadable = CommandRun.of("coherence", "--draft", broken.toString());
        assertThat(unreadable.status()).isNotZero();
        assertThat(unreadable.err()).contains(broken.toString()).contains("line 2");

        Path unknown = Files.writeString(folder.resolve("unknown.json"), DRAFT.replace("[\"BLR\"]", "[\"QQQ\"]"));
        CommandRun refused = CommandRun.of("coherence", "--draft", unknown.toString());
        assertThat(refused.status()).isNotZero();
        assertThat(refused.err().strip())
                .isEqualTo(
                        "orderly: " + unknown + ": commitments[0].beneficiaries: QQQ is not a party of the registry");

        Path order = Files.writeString(
                folder.resolve("order.json"),
                DRAFT.replace("\"adopted\": \"2026-01-10\"", "\"adopted\": \"2026-05-10\""));
        CommandRun outOfOrder = CommandRun.of("coherence", "--draft", order.toString());
        assertThat(outOfOrder.err())
                .contains(order.toString())
                .contains("at $.instrument")
                .contains("enters into force (2026-02-01) before it is adopted (2026-05-10)");
        assertThat(CommandRun.of("coherence", "--date", "9999-01-01").err())
                .contains("--date 9999-01-01 is outside the dates Orderly accepts");
    }
}
