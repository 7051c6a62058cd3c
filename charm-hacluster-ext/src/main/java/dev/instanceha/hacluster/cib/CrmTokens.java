package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a crm shell fragment into words the way crmsh does: on blanks, with single or double
 * quotes grouping (and removed), so {@code ip="10.0.0.10"} becomes {@code ip=10.0.0.10}.
 */
final class CrmTokens {
    private CrmTokens() {}

    static List<String> split(String objectId, String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new CrmSyntaxException(objectId, "unbalanced quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
