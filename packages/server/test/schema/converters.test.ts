import 'reflect-metadata';
import {
  ArrayUnique,
  IsBoolean,
  IsDateString,
  IsDivisibleBy,
  IsIP,
  IsLatitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  ValidateBy,
} from 'class-validator';
import { buildDtoSchema, Field, registerConverter } from '@typemcp/server';

class Everything {
  @IsUrl() homepage!: string;
  @IsUUID() id!: string;
  @IsDateString() since!: string;
  @IsNumber() @IsPositive() price!: number;
  @IsBoolean() active!: boolean;
  @IsString() @Length(2, 4) code!: string;
  @IsString() @IsNotEmpty() label!: string;
  @IsOptional()
  @IsString({ each: true })
  @ArrayUnique()
  @Field({ type: () => [String], title: 'Tags', default: [] })
  tags?: string[];
  @IsIP('6') address!: string;
  @IsLatitude() lat!: number;
  @IsNumber() @IsDivisibleBy(5) step!: number;
  @ValidateBy({
    name: 'isEven',
    validator: { validate: (v) => typeof v === 'number' && v % 2 === 0 },
  })
  even!: number;
}

class Node {
  @IsString() name!: string;
  @IsOptional() @Field({ type: () => [Node] }) children?: Node[];
}

describe('class-validator → JSON Schema 2020-12 converters', () => {
  it('converts every built-in constraint, and a registered custom one', () => {
    registerConverter('isEven', () => ({ type: 'integer', multipleOf: 2 }));
    expect(buildDtoSchema(Everything)).toEqual({
      type: 'object',
      properties: {
        homepage: { type: 'string', format: 'uri' },
        id: { type: 'string', format: 'uuid' },
        since: { type: 'string', format: 'date-time' },
        price: { type: 'number', exclusiveMinimum: 0 },
        active: { type: 'boolean' },
        code: { type: 'string', minLength: 2, maxLength: 4 },
        label: { type: 'string', minLength: 1 },
        tags: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          title: 'Tags',
          default: [],
        },
        address: { type: 'string', format: 'ipv6' },
        lat: { type: 'number', minimum: -90, maximum: 90 },
        step: { type: 'number', multipleOf: 5 },
        even: { type: 'integer', multipleOf: 2 },
      },
      required: [
        'homepage',
        'id',
        'since',
        'price',
        'active',
        'code',
        'label',
        'address',
        'lat',
        'step',
        'even',
      ],
    });
  });

  it('stops at a recursive DTO', () => {
    expect(buildDtoSchema(Node)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        children: { type: 'array', items: { type: 'object' } },
      },
      required: ['name'],
    });
  });
});
