package org.orderly.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @Test
    void absentDataSkipsOnADevelopersMachineWithAMessage() {
        assertThatThrownBy(() -> SharedData.decide(false, "visa/matrix.csv (a file)", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("../shared/data is absent (visa/matrix.csv (a file) not found");
    }

    @Test
    void absentDataFailsWhereItIsRequired() {
        assertThatThrownBy(() -> SharedData.decide(false, "visa/matrix.csv (a file)", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith(
                        "ORDERLY_REQUIRE_SHARED_DATA is set but visa/matrix.csv (a file) is not under ");
    }

    @Test
    void presentDataNeitherSkipsNorFails() {
        assertThatCode(() -> SharedData.decide(true, "visa/matrix.csv (a file)", true))
                .doesNotThrowAnyException();
        assertThatCode(() -> SharedData.decide(true, "visa/matrix.csv (a file)", false))
                .doesNotThrowAnyException();
    }
}
