package de.impftermin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class RedactionTests {

    @Test
    void masksEMailAddressesInWhatAMailServerAnswers() {
        assertThat(Redaction.redact("SendFailedException: Invalid Addresses; 550 <erna.mueller@example.org> unknown"))
                .isEqualTo("SendFailedException: Invalid Addresses; 550 <[e-mail]> unknown");
        // an enhanced status code looks like a number too long to keep; the words still say what went wrong
        assertThat(Redaction.redact("550 5.1.1 User unknown")).isEqualTo("[number] User unknown");
    }

    @Test
    void masksPhoneNumbersInEverySpelling() {
        assertThat(Redaction.redact("cannot reach +4917012345678 right now"))
                .isEqualTo("cannot reach [number] right now");
        assertThat(Redaction.redact("number 0170 1234567 unknown")).isEqualTo("number [number] unknown");
        assertThat(Redaction.redact("to 0170/123-45-67")).isEqualTo("to [number]");
    }

    @Test
    void masksBookingCodesVerificationCodesAndDates() {
        assertThat(Redaction.redact("booking K7QM-3XTA-9PLW, code 123456, born 1941-05-03 or 03.05.1941"))
                .isEqualTo("booking [code], code [number], born [number] or [number]");
        assertThat(Redaction.redact("booking k7qm3xta9plw, invitation ABCD-EFG2-JKMNP"))
                .isEqualTo("booking [code], invitation [code]");
    }

    @Test
    void leavesWhatSaysWhatWentWrong() {
        String text =
                "java.lang.IllegalStateException: SMS gateway answered 503: {\"error\":\"quota exceeded\"} (attempt 12)";
        assertThat(Redaction.redact(text)).isEqualTo(text);
        assertThat(Redaction.redact("Read timed out after 10000 ms; CONNECTION-REFUSED-LOCALHOST"))
                .isEqualTo("Read timed out after 10000 ms; CONNECTION-REFUSED-LOCALHOST");
    }

    @Test
    void aRequestPathIsTheHandlersPatternNotTheValuesInIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff/hotline/bookings/K7QM-3XTA-9PLW");
        assertThat(Redaction.path(request)).isEqualTo("/staff/hotline/bookings/[code]");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/staff/hotline/bookings/{code}");
        assertThat(Redaction.path(request)).isEqualTo("/staff/hotline/bookings/{code}");
    }
}
