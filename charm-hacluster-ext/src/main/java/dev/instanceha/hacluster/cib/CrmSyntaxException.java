package dev.instanceha.hacluster.cib;

/** A principal's crm-shell fragment this charm cannot translate into CIB XML. */
public final class CrmSyntaxException extends RuntimeException {
    private final String objectId;

    public CrmSyntaxException(String objectId, String problem) {
        super(objectId + ": " + problem);
        this.objectId = objectId;
    }

    public String objectId() {
        return objectId;
    }
}
