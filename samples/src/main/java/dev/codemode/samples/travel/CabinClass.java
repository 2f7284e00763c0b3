package dev.codemode.samples.travel;

/** The cabin of a flight. */
public enum CabinClass {
  ECONOMY,
  PREMIUM_ECONOMY,
  BUSINESS,
  FIRST
}
