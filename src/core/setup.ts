/**
 * Side-effect import that must come before anything touching @peculiar/x509: its decorators
 * read Reflect metadata (tsyringe). Imported once by every core entry (Worker, CLI, tests).
 */
import 'reflect-metadata';
