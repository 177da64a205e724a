package dev.portal.studio.design;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameRulesTest {
    private final NameRules rules = new NameRules(BlockedWords.standard());

    @Test
    void aGoodNameAndANameThatOnlyLooksLikeMarkupPass() {
        assertTrue(rules.problem("Blaze").isEmpty());
        assertTrue(rules.problem("Émile the Brave").isEmpty());
        assertTrue(rules.problem("<script>alert(1)").isEmpty(), "markup is only text; the page never renders it");
    }

    @Test
    void blockedWordsAreFoundThroughTheUsualDisguises() {
        for (String name : List.of("shit", "Sh1t Happens", "S.H.I.T", "shiiit", "ＳＨＩＴ", "$hit", "fück")) {
            String problem = rules.problem(name).orElse("");
            assertTrue(problem.contains("word we don't allow"), name + " -> " + problem);
        }
    }

    @Test
    void theTagsLimitsComeFromTheToyRecordItself() {
        assertTrue(rules.problem("x".repeat(20)).isEmpty(), "20 bytes fit");
        assertTrue(rules.problem("x".repeat(21)).orElse("").contains("at most 20 bytes"));
        assertTrue(rules.problem("🐉🐉🐉🐉🐉🐉").orElse("").contains("at most 20 bytes"), "24 bytes of emoji");
        assertTrue(rules.problem("tab\there").orElse("").contains("control characters"));
        assertEquals("Give your toy a name.", rules.problem("  ").orElseThrow());
        assertEquals("A name cannot start or end with a space.", rules.problem(" Blaze").orElseThrow());
    }
}
