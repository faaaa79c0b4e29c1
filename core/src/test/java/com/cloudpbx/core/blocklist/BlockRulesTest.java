package com.cloudpbx.core.blocklist;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockRulesTest {

    private static final TenantId ACME = TenantId.of(UUID.randomUUID());

    /** The rules every table row is decided against; a row names the rule it expects by its pattern and direction. */
    private static final List<BlockedNumber> RULES = List.of(
            rule("+17865559999", BlockDirection.INBOUND),
            rule("+17865558888", BlockDirection.OUTBOUND),
            rule("+17865557777", BlockDirection.BOTH),
            rule("+1900*", BlockDirection.BOTH),
            rule("+1900555*", BlockDirection.OUTBOUND),
            rule("+44*", BlockDirection.INBOUND),
            rule("+4420*", BlockDirection.BOTH),
            rule("anonymous", BlockDirection.INBOUND));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            // exact numbers, in and out of their direction, in any written form
            "inbound,  +17865559999,        +17865559999",
            "inbound,  '+1 (786) 555-9999', +17865559999",
            "inbound,  17865559999,         +17865559999",
            "outbound, +17865559999,        none",
            "both,     +17865559999,        +17865559999",
            "outbound, +17865558888,        +17865558888",
            "inbound,  +17865558888,        none",
            "inbound,  +17865557777,        +17865557777",
            "outbound, +17865557777,        +17865557777",
            // prefixes: the longest one that applies to the direction wins
            "inbound,  +19005551234,        +1900*",
            "outbound, +19005551234,        +1900555*",
            "both,     +19005551234,        +1900555*",
            "outbound, +19001234567,        +1900*",
            "inbound,  +442079460000,       +4420*",
            "outbound, +442079460000,       +4420*",
            "inbound,  +441134960000,       +44*",
            "outbound, +441134960000,       none",
            // a number too short for its country still starts with the prefix
            "inbound,  +1900123,            +1900*",
            "inbound,  19005551234,         +1900*",
            // short bare digits are an extension, not a number under a prefix
            "inbound,  1900,                none",
            // withheld caller ids fall under anonymous, inbound only here
            "inbound,  anonymous,           anonymous",
            "inbound,  Anonymous,           anonymous",
            "inbound,  RESTRICTED,          anonymous",
            "inbound,  unknown,             anonymous",
            "inbound,  private,             anonymous",
            "inbound,  '',                  anonymous",
            "inbound,  '   ',               anonymous",
            "outbound, anonymous,           none",
            // numbers no rule covers, and what is no number
            "inbound,  +15551234567,        none",
            "both,     +15551234567,        none",
            "inbound,  1001,                none",
            "inbound,  sip:alice,           none"})
    void decidesWhichRuleANumberFallsUnder(String direction, String number, String expected) {
        Optional<BlockedNumber> matched = BlockRules.match(RULES, BlockDirection.parse(direction, "direction"), number);

        assertThat(matched.map(rule -> rule.pattern().wire())).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void anExactEntryWinsOverAPrefixThatAlsoMatches() {
        var rules = List.of(rule("+1786*", BlockDirection.BOTH), rule("+17865559999", BlockDirection.BOTH));

        assertThat(BlockRules.match(rules, BlockDirection.INBOUND, "+17865559999"))
                .map(rule -> rule.pattern().wire()).contains("+17865559999");
    }

    @Test
    void aPrefixOfTheOtherDirectionLeavesTheExactOneOutOfReach() {
        var rules = List.of(rule("+1786*", BlockDirection.BOTH), rule("+17865559999", BlockDirection.INBOUND));

        assertThat(BlockRules.match(rules, BlockDirection.OUTBOUND, "+17865559999"))
                .map(rule -> rule.pattern().wire()).contains("+1786*");
    }

    @Test
    void aNullCallerIdIsAnonymous() {
        assertThat(BlockRules.match(RULES, BlockDirection.INBOUND, null))
                .map(rule -> rule.pattern().wire()).contains("anonymous");
    }

    @Test
    void noRulesBlockNothing() {
        assertThat(BlockRules.match(List.of(), BlockDirection.BOTH, "+17865559999")).isEmpty();
    }

    @Test
    void screenInboundAsksAboutTheCaller() {
        assertThat(CallScreening.screenInbound(RULES, "+17865559999")).isPresent();
        assertThat(CallScreening.screenInbound(RULES, "+17865558888")).isEmpty();
    }

    private static BlockedNumber rule(String pattern, BlockDirection direction) {
        return new BlockedNumber(UUID.randomUUID(), ACME, BlockPattern.parse(pattern, "number"), null, direction, T0);
    }
}
