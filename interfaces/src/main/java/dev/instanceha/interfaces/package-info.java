/**
 * Typed, validated relation interfaces, wire-compatible with the upstream OpenStack charms.
 *
 * <p>One class per side, in a sub-package per interface: each reads the {@code RelationView}s of
 * one endpoint into a {@link dev.instanceha.interfaces.Completeness} of a record, and returns what
 * it sends as raw values for this unit's databag ({@code unitData()}). Shared reading rules live
 * here: {@link dev.instanceha.interfaces.FieldReader} (unset markers, bounds, syntax, problems that
 * name the key), {@link dev.instanceha.interfaces.UnitSelection} (completeness derived across
 * remote units) and {@link dev.instanceha.interfaces.Json} (Python-compatible JSON on the wire).
 * The key tables are in docs/interfaces.md.
 */
package dev.instanceha.interfaces;
