package dev.instanceha.hacluster.cib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the CIB elements every object uses, with crmsh's id conventions. */
final class Cib {
    private Cib() {}

    /** {@code <instance_attributes id="<owner>-instance_attributes">} or meta_attributes, with nvpairs. */
    static XmlNode nvpairs(String tag, String ownerId, Map<String, String> values) {
        String setId = ownerId + "-" + tag;
        List<XmlNode> pairs = new ArrayList<>();
        values.forEach((name, value) ->
                pairs.add(XmlNode.leaf("nvpair", attrs("id", setId + "-" + name, "name", name, "value", value))));
        return XmlNode.of(tag, attrs("id", setId), pairs);
    }

    /** Attributes in the order given, as name/value pairs. */
    static Map<String, String> attrs(String... nameValue) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put(nameValue[i], nameValue[i + 1]);
        }
        return out;
    }

    /** crm's score spellings (inf, +inf, -inf, mandatory) in the CIB's. */
    static String score(String objectId, String crmScore) {
        String s = crmScore.endsWith(":") ? crmScore.substring(0, crmScore.length() - 1) : crmScore;
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity", "mandatory" -> "INFINITY";
            case "-inf", "-infinity" -> "-INFINITY";
            default -> {
                if (!s.matches("[+-]?\\d{1,9}")) {
                    throw new CrmSyntaxException(objectId, "'" + crmScore + "' is not a score");
                }
                yield s.startsWith("+") ? s.substring(1) : s;
            }
        };
    }
}
