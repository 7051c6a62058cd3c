package dev.instanceha.interfaces.hacluster;

import java.util.Map;
import java.util.Optional;

/**
 * What one principal unit asked hacluster for on an {@code ha} relation.
 *
 * @param initServicesByResource the classic charm-helpers form of init_services, a map from
 *     resource to the init service it replaces (charm-hacluster disables that service); empty when
 *     the principal sent the reactive list form, whose names are in {@code resources().initServices()}
 */
public record HaRequest(
        String principalUnit,
        HaResources resources,
        Map<String, String> initServicesByResource,
        Optional<String> bindIface,
        Optional<Integer> mcastPort) {
    public HaRequest {
        initServicesByResource = Map.copyOf(initServicesByResource);
    }
}
