package org.orderly.server.lab;

import org.orderly.csv.CsvException;
import org.orderly.lab.scenario.ScenarioFormatException;
import org.orderly.server.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lab's own errors as problem documents: a draft deal refused with its JSON path, and data that are missing or damaged. */
@RestControllerAdvice(assignableTypes = LabApi.class)
class LabErrors {

    @ExceptionHandler(ScenarioFormatException.class)
    ProblemDetail refusedDeal(ScenarioFormatException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Draft deal refused", e.getMessage());
        problem.setProperty("where", e.where());
        return problem;
    }

    @ExceptionHandler(LabService.LabUnavailableException.class)
    ProblemDetail unavailable(LabService.LabUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Policy lab unavailable", e.getMessage());
    }

    @ExceptionHandler(CsvException.class)
    ProblemDetail damagedData(CsvException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Policy lab data refused", e.getMessage());
    }
}
