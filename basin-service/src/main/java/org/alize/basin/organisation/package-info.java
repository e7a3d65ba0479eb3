/**
 * The organisations of a basin and their people: partner companies (size, SIRET, NAF code, the skills
 * they can lend), associated partners, public funders and the operator's own body, each with
 * its resource category for the R-13 profile; people represent them, with whether they are in
 * activity.
 */
package org.alize.basin.organisation;
