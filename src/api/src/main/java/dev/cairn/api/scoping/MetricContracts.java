package dev.cairn.api.scoping;

import java.util.Optional;
import java.util.UUID;

/**
 * The scoping stage's metric contracts, offered to the other stages through cairn-api (never by
 * reading the scoping tables). Implemented by the scoping plugin; scoped to the tenant in scope
 * like every service: another tenant's project has no contract.
 */
public interface MetricContracts {

    /** The contract approved with the project's scoping document, if it was ever approved. */
    Optional<MetricContract> approvedContract(UUID projectId);
}
