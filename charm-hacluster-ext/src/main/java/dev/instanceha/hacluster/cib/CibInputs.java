package dev.instanceha.hacluster.cib;

import dev.instanceha.hacluster.ClusterOptions;
import dev.instanceha.hacluster.MaasSettings;
import dev.instanceha.interfaces.hacluster.HaResources;
import dev.instanceha.interfaces.pacemaker.RemoteNode;
import java.util.List;
import java.util.Optional;

/**
 * Everything the desired CIB depends on.
 *
 * @param principal what the principal asked for on {@code ha} ({@link HaResources#EMPTY} when none)
 * @param remotes the ready pacemaker-remote nodes
 * @param members the full members' pacemaker node names
 * @param maas MAAS fencing settings, when configured
 */
public record CibInputs(
        HaResources principal,
        List<RemoteNode> remotes,
        List<String> members,
        Optional<MaasSettings> maas,
        ClusterOptions options) {
    public CibInputs {
        remotes = List.copyOf(remotes);
        members = List.copyOf(members);
    }
}
