package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.reader.Uid;

/** A tag the model's firmware has brought to ACTIVE: UID, ATQA (as an int, MSB first) and SAK. */
record ActivatedTag(Uid uid, int atqa, int sak) {
}
