package dev.portal.hardware.sim.pn532;

/** A target in the model's list: its logical number Tg and what activation found. */
record ModelTarget(int tg, ActivatedTag tag) {
}
