/**
 * ISO/IEC 14443-3 type A on the reader side, independent of the reader chip: REQA/WUPA, anticollision over
 * cascade levels with bit-collision resolution, SELECT, HLTA, enumeration of several tags, and the MIFARE
 * Classic and NTAG command sets. A chip driver provides a {@link dev.portal.hardware.iso14443a.PcdTransceiver}.
 */
package dev.portal.hardware.iso14443a;
