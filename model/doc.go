// Package model holds forum's domain types (events, areas, tables, stages,
// contributions, votes, next steps, key messages) and the pure rules over
// them: text sanitizing and validation, stage flow and vote tallies. It does
// no I/O and imports nothing else of forum's, so every rule here is the same
// in the TUI, the exports and the tests.
package model
