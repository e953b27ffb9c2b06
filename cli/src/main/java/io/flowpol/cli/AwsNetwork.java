package io.flowpol.cli;

import io.flowpol.cli.options.AwsNetworkOptions;
import io.flowpol.inference.coverage.InventoryCoverage;
import io.flowpol.inference.model.Finding;
import io.flowpol.inference.model.InferenceResult;
import io.flowpol.inference.model.NetworkInventory;
import io.flowpol.ingest.inventory.AwsNetworkReader;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --aws-network}: read before any flow log (a malformed file costs no window), checked
 * against what was learned (another VPC's inventory is a warning on stderr and in the report).
 */
final class AwsNetwork {
    /** The inventory and what checking it against the window found; {@link #NONE} without the option. */
    record Checked(NetworkInventory inventory, List<Finding> findings) {
        static final Checked NONE = new Checked(NetworkInventory.EMPTY, List.of());

        Checked {
            findings = List.copyOf(findings);
        }
    }

    private AwsNetwork() {
    }

    static NetworkInventory read(AwsNetworkOptions options) {
        if (options == null || options.files == null || options.files.isEmpty()) {
            return NetworkInventory.EMPTY;
        }
        return new AwsNetworkReader().read(options.files);
    }

    /** The inventory with its findings for the report; they are printed as warnings on {@code err} too. */
    static Checked check(NetworkInventory inventory, InferenceResult result, PrintWriter err) {
        List<Finding> findings = new java.util.ArrayList<>(InventoryCoverage.check(inventory, result).stream().toList());
        findings.forEach(f -> err.println("flowpol: warning: " + f.message()));
        err.flush();
        // Informational, for the report only: what an inventory would name, or what this one does not.
        InventoryCoverage.unnamed(inventory, result).ifPresent(findings::add);
        return new Checked(inventory, findings);
    }
}
