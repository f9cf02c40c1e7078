package org.orderly.server.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Scanner;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 27 item 6: one mapping from the regime's errors to problems, in every API (this controller is none of Orderly's
 * own, so only the shared advice applies): our refusals 400 or 409 with their message, a library's never leaked.
 */
class DomainErrorsTest {

    @RestController
    static class Refusals {
        @GetMapping("/own-argument")
        String ownArgument() {
            throw new IllegalArgumentException("year 1850 is before the first year of the regime's data");
        }

        @GetMapping("/library-argument")
        String libraryArgument() {
            return String.valueOf(Integer.parseInt("x-internal-detail"));
        }

        @GetMapping("/own-state")
        String ownState() {
            throw new IllegalStateException("the 2027 allocation of DEU_SKILLED is already decided");
        }

        @GetMapping("/library-state")
        String libraryState() {
            Scanner scanner = new Scanner("text");
            scanner.close();
            return scanner.next();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusals())
            .setControllerAdvice(new ApiErrors())
            .build();

    @Test
    void anIllegalArgumentIs400WithOurMessageAndALibrarysIsNotLeaked() throws Exception {
        mvc.perform(get("/own-argument"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("year 1850 is before the first year of the regime's data"));
        mvc.perform(get("/library-argument"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a value in the request cannot be used here"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("x-internal-detail"))));
    }

    @Test
    void anIllegalStateOfOursIs409InEveryApiAndALibrarysIsTheServersError() throws Exception {
        mvc.perform(get("/own-state"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not now"))
                .andExpect(jsonPath("$.detail").value("the 2027 allocation of DEU_SKILLED is already decided"));
        mvc.perform(get("/library-state"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(DomainErrors.SERVER_SIDE));
    }
}
