package dev.portal.portalctl;

import dev.portal.protocol.frame.Header;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's version and the wire protocol version it speaks. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String impl = PortalCtl.class.getPackage().getImplementationVersion();
        return new String[] {"portalctl " + (impl == null ? "development build" : impl),
                "wire protocol " + Header.MAJOR + "." + (Header.VERSION_1_0 & 0x0F)};
    }
}
