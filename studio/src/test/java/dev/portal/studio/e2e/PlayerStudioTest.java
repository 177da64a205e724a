package dev.portal.studio.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A player's evening in the studio, in a real Chromium against the real system: claim a toy with the web code
 * portalctl printed for it, recolour and rename it, put it on the (simulated) portal, watch it appear with the
 * new look and the page say "written to your toy", read the colours back from the tag itself; another player
 * cannot touch it; export and delete. Screenshots of each page land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlayerStudioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "blank";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    static StudioSystem system;
    static Browser ada;
    static StudioSystem.Provisioned toy;

    @BeforeAll
    static void start() throws Exception {
        system = new StudioSystem(dir);
        toy = system.provisionBlank(SAMPLE);
        ada = new Browser(dir.resolve("chromium-ada"));
    }

    @AfterAll
    static void stop() throws Exception {
        try (StudioSystem s = system; Browser b = ada) {
            // browser first, then the system
        }
    }

    @Test
    @Order(1)
    void aPlayerClaimsTheToyWithItsWebCodeAndAWrongCodeSaysNoMoreThanAnUnknownToy() throws Exception {
        ada.open(system.studio.url());
        ada.type("signin-name", "ada");
        ada.type("signin-password", PASSWORD);
        ada.click("#register-submit");
        ada.find("#nav:not([hidden])");
        ada.screenshot("01-live-empty");

        ada.open(system.studio.url() + "#/toys");
        ada.find("#view-toys:not([hidden])");
        ada.type("claim-uid", toy.uid());
        ada.type("claim-code", "ZZZZ-ZZZZ-ZZZZ");
        ada.click("#claim-submit");
        ada.awaitText("#notice", "No toy has that web code.");
        ada.script("document.getElementById('notice').textContent = ''");
        ada.type("claim-uid", "04FFFFFFFFFFFF");
        ada.type("claim-code", toy.webCode());
        ada.click("#claim-submit");
        ada.awaitText("#notice", "No toy has that web code.");

        ada.type("claim-uid", toy.uid());
        ada.type("claim-code", toy.webCode().toLowerCase());
        ada.click("#claim-submit");
        ada.awaitText("#notice", "Claimed: the toy is yours.");
        ada.find("#my-toys [data-uid='" + toy.uid() + "']");
        ada.screenshot("02-my-toys");
    }

    @Test
    @Order(2)
    void recolouredOffThePortalItIsWrittenWhenPlacedAndTheTagHoldsTheNewLook() throws Exception {
        ada.click("#my-toys [data-uid='" + toy.uid() + "']");
        ada.find("#view-toy:not([hidden])");
        ada.type("design-name", "Sh1t Happens");
        ada.click("#design-save");
        ada.until("the blocked-word message", d -> ada.text("#design-error").contains("word we don't allow") ? true : null);

        ada.type("design-name", "Blaze");
        ada.pickColour("design-primary", "#FF4400");
        ada.pickColour("design-accent", "#00FF7F");
        assertEquals("#FF4400", ada.find("#toy-figure svg").getAttribute("data-primary"), "the preview follows the picker");
        ada.click("#design-save");
        ada.awaitText("#write-state", "Saved. Place it on your portal to write it.");
        ada.screenshot("03-design-waiting");

        system.console("place 0 " + SAMPLE);
        ada.awaitText("#write-state", "Written to your toy.");
        ada.screenshot("04-design-written");

        ada.open(system.studio.url() + "#/live");
        String card = "#portals [data-uid='" + toy.uid() + "']";
        ada.until("the toy drawn with its new look", d -> "#FF4400".equals(ada.find(card + " svg").getAttribute("data-primary"))
                && ada.text(card + " .name").equals("Blaze") ? true : null);
        assertEquals("#00FF7F", ada.find(card + " svg").getAttribute("data-accent"));
        ada.screenshot("05-live-on-portal");

        ToyReadResult onTag = system.readTag(SAMPLE);
        assertEquals(ToyVerdict.RECOGNISED, onTag.verdict());
        ToyRecord record = onTag.record().orElseThrow();
        assertEquals("Blaze", record.coCreation().name());
        assertEquals(0xFF4400, record.coCreation().colours().primary());
        assertEquals(0x00FF7F, record.coCreation().colours().accent());

        system.console("place 1 spyro");
        ada.until("a Skylander shown by its line", d -> ada.text("#portals .pad[data-pad='1'] .toy .name").startsWith("Skylanders #") ? true : null);
        system.console("remove spyro");

        system.console("remove " + SAMPLE);
        ada.until("the toy gone from the pad", d -> d.findElements(org.openqa.selenium.By.cssSelector(card)).isEmpty() ? true : null);
    }

    @Test
    @Order(3)
    void theHistoryShowsThePlayAndASharedLookIsShownAsText() throws Exception {
        ada.open(system.studio.url() + "#/toy/" + toy.uid());
        ada.find("#toy-sessions li");
        ada.find("#toy-chart svg .session");
        ada.screenshot("06-history");

        String title = "<script>alert(1)</script>";
        ada.type("share-title", title);
        ada.click("#share-submit");
        ada.awaitText("#notice", "Shared in the gallery.");
        ada.open(system.studio.url() + "#/gallery");
        String tile = "#gallery [data-design] .name";
        ada.awaitText(tile, title);
        assertThrows(NoAlertPresentException.class, () -> ada.driver.switchTo().alert(), "no script ran");
        ada.screenshot("07-gallery");
    }

    @Test
    @Order(4)
    void anotherPlayerCannotSeeOrChangeTheToy() throws Exception {
        try (Browser bob = new Browser(dir.resolve("chromium-bob"))) {
            bob.open(system.studio.url());
            bob.type("signin-name", "bob");
            bob.type("signin-password", "another long password");
            bob.click("#register-submit");
            bob.find("#nav:not([hidden])");

            Map<String, Object> look = bob.fetch("GET", "/api/toys/" + toy.uid(), null, true);
            assertEquals(404L, look.get("status"), look.toString());
            Map<String, Object> change = bob.fetch("POST", "/api/toys/" + toy.uid() + "/design",
                    "{\"name\":\"Stolen\",\"primary\":\"#000000\"}", true);
            assertEquals(404L, change.get("status"), change.toString());
            Map<String, Object> claim = bob.fetch("POST", "/api/claim",
                    "{\"uid\":\"" + toy.uid() + "\",\"code\":\"" + toy.webCode() + "\"}", true);
            assertEquals(400L, claim.get("status"), claim.toString());
            assertTrue(claim.get("body").toString().contains("Already claimed by another player"), claim.toString());
            JsonNode designs = JSON.readTree(bob.fetch("GET", "/api/gallery", null, true).get("body").toString());
            long design = designs.path("designs").get(0).path("id").asLong();
            Map<String, Object> apply = bob.fetch("POST", "/api/gallery/" + design + "/apply",
                    "{\"uid\":\"" + toy.uid() + "\"}", true);
            assertEquals(404L, apply.get("status"), apply.toString());
            Map<String, Object> noToken = bob.fetch("POST", "/api/account/delete", "{\"password\":\"another long password\"}", false);
            assertEquals(403L, noToken.get("status"), "a change without the CSRF token is refused: " + noToken);
        }
        assertEquals("Blaze", system.readTag(SAMPLE).record().orElseThrow().coCreation().name(), "the tag is untouched");
    }

    @Test
    @Order(5)
    void thePlayerExportsEverythingThenDeletesTheAccountAndTheToyIsFreeAgain() throws Exception {
        Map<String, Object> export = ada.fetch("GET", "/api/export", null, true);
        assertEquals(200L, export.get("status"), export.toString());
        JsonNode data = JSON.readTree(export.get("body").toString());
        assertEquals("ada", data.path("account").path("name").asText());
        assertEquals(toy.uid(), data.path("toys").get(0).path("uid").asText(), data.toString());
        assertEquals("Blaze", data.path("toys").get(0).path("profile").path("name").asText(), data.toString());
        assertTrue(data.path("toys").get(0).path("sessions").size() >= 1, data.toString());
        assertEquals("<script>alert(1)</script>", data.path("designs").get(0).path("title").asText());

        ada.open(system.studio.url() + "#/account");
        ada.find("#view-account:not([hidden])");
        ada.screenshot("08-account");
        ada.type("delete-password", PASSWORD);
        ada.click("#delete-submit");
        ada.driver.switchTo().alert().accept();
        ada.awaitText("#notice", "Your account is deleted.");
        ada.find("#view-signin:not([hidden])");

        ada.type("signin-name", "ada");
        ada.type("signin-password", PASSWORD);
        ada.click("#signin-submit");
        ada.awaitText("#notice", "That name and password do not match an account.");

        ada.type("signin-name", "carol");
        ada.type("signin-password", "a third long password");
        ada.click("#register-submit");
        ada.find("#nav:not([hidden])");
        ada.open(system.studio.url() + "#/toys");
        ada.type("claim-uid", toy.uid());
        ada.type("claim-code", toy.webCode());
        ada.click("#claim-submit");
        ada.awaitText("#notice", "Claimed: the toy is yours.");
    }
}
