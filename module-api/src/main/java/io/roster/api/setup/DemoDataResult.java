package io.roster.api.setup;

/**
 * The outcome of loading demo data.
 *
 * @param loaded whether this call loaded it (false when it was there already)
 * @param orgUnits how many org units it created
 * @param members how many members it created
 */
public record DemoDataResult(boolean loaded, int orgUnits, int members) {}
