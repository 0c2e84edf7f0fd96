import { Module } from '@nestjs/common';
import { ProductController } from './product.controller';
import { GetCaseHandler, GetProductHandler, ListLibraryHandler } from './product.handlers';

/** 服务产品和案例库: products (versions, retirement), cases, and the public catalogue. */
@Module({
  controllers: [ProductController],
  providers: [GetProductHandler, GetCaseHandler, ListLibraryHandler],
})
export class ProductsModule {}
