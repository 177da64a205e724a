package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.pn532.command.CiuRegister;
import dev.portal.hardware.reader.RxGain;

/** Everything the model's commands read and change; guarded by the {@link Pn532Model}'s lock. */
final class Pn532ModelState {
    final CiuRegisterMap registers = new CiuRegisterMap();
    final AirInterface air;
    final Iso14443aInitiator initiator;
    final TargetTable targets;
    boolean lowPower = true;
    int samMode = 0x01;
    int parameters = 0x00;
    /** MxRtyPassiveActivation: 0xFF = try for ever. */
    int passiveActivationRetries = 0xFF;
    boolean autoRfCa;

    Pn532ModelState(AirInterface air) {
        this.air = air;
        this.initiator = new Iso14443aInitiator(air);
        this.targets = new TargetTable(initiator);
    }

    /** Power lost and back: every setting to its reset value, field off, the chip in power-down. */
    void powerOnReset() {
        field(false);
        registers.reset();
        lowPower = true;
        samMode = 0x01;
        parameters = 0x00;
        passiveActivationRetries = 0xFF;
        autoRfCa = false;
        air.receiveTimeoutMicros(RfFieldAir.DEFAULT_TIMEOUT_MICROS);
        receiverGainFromRegisters();
    }

    /** The receiver works at the gain RFCfgReg holds. */
    void receiverGainFromRegisters() {
        air.receiverGain(RxGain.fromRegister(registers.read(CiuRegister.RF_CFG)));
    }

    void field(boolean on) {
        if (air.fieldOn() != on) {
            air.setField(on);
        }
        if (!on) {
            targets.clear(); // the tags lost power and with it their selection
            registers.crypto1(false);
        }
    }
}
