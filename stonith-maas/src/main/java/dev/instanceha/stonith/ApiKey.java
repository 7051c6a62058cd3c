package dev.instanceha.stonith;

/**
 * A MAAS API key, {@code consumer_key:token_key:token_secret} (the consumer secret is empty).
 * {@link #toString()} never shows the parts, so a stray log line cannot leak them.
 */
public record ApiKey(String consumerKey, String tokenKey, String tokenSecret) {

    public static ApiKey parse(String text) throws BadParameterException {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new BadParameterException(
                    Params.API_KEY,
                    "must have three non-empty ':'-separated parts (consumer_key:token_key:token_secret)");
        }
        return new ApiKey(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
