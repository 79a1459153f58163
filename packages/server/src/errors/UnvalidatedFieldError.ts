import { DefinitionError } from './DefinitionError';

/** A DTO property with `@Field` but no class-validator decorator: it would be neither in the schema nor validated. */
export class UnvalidatedFieldError extends DefinitionError {
  override readonly name = 'UnvalidatedFieldError';
  constructor(cls: Function, property: string) {
    super(
      `${cls.name}.${property} has @Field but no class-validator decorator, so it would be neither in the schema nor validated. ` +
        `Add its constraint, e.g. @IsString(), @IsInt(), @IsEnum(MyEnum) or @ValidateNested() with @Type(() => Nested), ` +
        `and @IsOptional() when it may be omitted.`,
    );
  }
}
