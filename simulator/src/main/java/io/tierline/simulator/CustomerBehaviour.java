package io.tierline.simulator;

import java.util.Map;

/**
 * What customers do besides arriving: give up after their patience if no agent has answered, and answer
 * the satisfaction survey after a resolution.
 *
 * @param csat relative weights of the scores 1..5
 * @param deflectShare share of contacts the customer solves with a self-service suggestion, when intake
 *     offered one (published as a deflection)
 */
public record CustomerBehaviour(LogNormal patience, double surveyShare, Map<Integer, Double> csat, double deflectShare) {

    public CustomerBehaviour {
        Scenario.require(patience != null, "customers.patience", "is required");
        Scenario.require(surveyShare >= 0 && surveyShare <= 1, "customers.surveyShare", "must be within 0..1");
        Scenario.require(deflectShare >= 0 && deflectShare <= 1, "customers.deflectShare", "must be within 0..1");
        csat = csat == null || csat.isEmpty() ? Map.of(1, 0.05, 2, 0.05, 3, 0.15, 4, 0.35, 5, 0.4) : Map.copyOf(csat);
        Scenario.require(csat.keySet().stream().allMatch(k -> k >= 1 && k <= 5), "customers.csat", "keys must be scores 1..5");
    }
}
