/**
 * The data generator: {@link io.roster.bench.generate.Generator} runs one {@link
 * io.roster.bench.generate.GeneratorStage} per group of tables, each streaming deterministic rows through {@link
 * io.roster.bench.generate.CopyWriter}. New tables get a new stage in {@code Generator.stages()}.
 */
package io.roster.bench.generate;
