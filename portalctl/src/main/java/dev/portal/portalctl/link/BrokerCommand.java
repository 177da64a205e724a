package dev.portal.portalctl.link;

import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.ToolCommand;
import picocli.CommandLine.Mixin;

/** A technician command that reaches portals through the broker, with the options that say how. */
public abstract class BrokerCommand extends ToolCommand {
    @Mixin
    protected BrokerOptions broker;
}
